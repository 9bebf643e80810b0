package io.stsvend.local;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /local/token?sub=alice&groups=viewer[&claim.NAME=value][&ttl=seconds]}: a signed demo JWT for trying the
 * service. Registered only in local mode, so in production the path does not exist. Signed with
 * {@code smallrye.jwt.sign.key}, issued for the configured {@code mp.jwt.verify.issuer} and audience, so the normal
 * verification applies to it. It checks nothing about the claims on purpose: the service must refuse bad ones.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class DemoTokenRoute {

    static final long MAX_TTL_SECONDS = 86_400;

    @ConfigProperty(name = "stsvend.local.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    void register(@Observes Router router) {
        if (enabled) {
            router.get("/local/token").blockingHandler(this::token, false);
        }
    }

    private void token(RoutingContext context) {
        MultiMap query = context.queryParams();
        String sub = query.get("sub");
        if (sub == null) {
            context.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
                    .end("query parameter 'sub' is required\n");
            return;
        }
        long ttl;
        try {
            ttl = Math.min(MAX_TTL_SECONDS, Math.max(60, Long.parseLong(query.get("ttl") == null ? "3600" : query.get("ttl"))));
        } catch (NumberFormatException e) {
            context.response().setStatusCode(400).putHeader("Content-Type", "text/plain").end("ttl must be a number\n");
            return;
        }
        JwtClaimsBuilder claims = Jwt.subject(sub).expiresIn(ttl);
        issuer.ifPresent(claims::issuer);
        audiences.ifPresent(a -> claims.audience(a.get(0)));
        List<String> groups = query.getAll("groups").stream()
                .flatMap(g -> Arrays.stream(g.split(","))).filter(g -> !g.isBlank()).toList();
        if (!groups.isEmpty()) {
            claims.groups(new java.util.HashSet<>(groups));
        }
        query.names().stream().filter(n -> n.startsWith("claim.")).forEach(n -> claims.claim(n.substring(6), query.get(n)));
        context.response().putHeader("Content-Type", "text/plain").putHeader("Cache-Control", "no-store")
                .end(claims.sign() + "\n");
    }
}
