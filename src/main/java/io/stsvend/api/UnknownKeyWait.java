package io.stsvend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stsvend.identity.JwksKeys;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Before a bearer token is verified: if its {@code kid} is not among the identity provider's known keys, lets the
 * request wait — without holding a thread — for the key set fetch that {@link JwksKeys#awaitKey} starts or joins
 * (rate-limited, at most {@code stsvend.jwks.fetch-timeout}). So the first token of a freshly rotated key is
 * accepted, and a token of an unknown key is refused (401) once that wait is over. Tokens of known keys pass
 * straight on. Runs after {@link RequestLimits} has bounded the token's size.
 */
public class UnknownKeyWait {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Uni<Void> PASS = Uni.createFrom().voidItem();

    private final JwksKeys keys;

    public UnknownKeyWait(JwksKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Uni<Void> awaitUnknownKey(ContainerRequestContext request) {
        if (!keys.enabled()) {
            return PASS;
        }
        Optional<String> kid = kid(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (kid.isEmpty() || keys.key(kid.get()).isPresent()) {
            return PASS;
        }
        Context context = Vertx.currentContext();
        Uni<Boolean> wait = Uni.createFrom().completionStage(() -> keys.awaitKey(kid.get()))
                .onFailure().recoverWithItem(false);
        // The fetch completes on the HTTP client's thread: continue the request on its own Vert.x context.
        return (context == null ? wait : wait.emitOn(task -> context.runOnContext(ignored -> task.run())))
                .replaceWithVoid();
    }

    /** The {@code kid} of a three-part bearer JWT's header, or empty for anything else (left to verification). */
    static Optional<String> kid(String authorization) {
        if (authorization == null || authorization.length() > RequestLimits.MAX_AUTHORIZATION_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            JsonNode kid = header == null ? null : header.get("kid");
            return kid != null && kid.isTextual() && !kid.asText().isEmpty() ? Optional.of(kid.asText())
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
