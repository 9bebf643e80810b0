package io.stsvend.api;

import io.stsvend.error.ErrorCode;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Refuses bearer tokens of an unreasonable shape before anything parses or verifies them, so a hostile token costs
 * a string scan and gets a quick problem+json 4xx:
 * <ul>
 *   <li>an {@code Authorization} header longer than {@value #MAX_AUTHORIZATION_LENGTH} characters → 431
 *       {@code headers-too-large} (identity providers issue tokens well below this);</li>
 *   <li>a JWT payload whose JSON nests deeper than {@value #MAX_CLAIM_DEPTH} levels → 400 {@code bad-request}
 *       (real claims, such as Keycloak's {@code resource_access}, stay within 4).</li>
 * </ul>
 * Anything that is not a three-part JWT is left to JWT verification (401). Heads beyond
 * {@code quarkus.http.limits.max-header-size} never get this far: Vert.x answers them itself with an empty 431.
 */
public class RequestLimits {

    static final int MAX_AUTHORIZATION_LENGTH = 8192;
    static final int MAX_CLAIM_DEPTH = 8;

    @ServerRequestFilter(preMatching = true)
    public Response limitBearerToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return null;
        }
        if (authorization.length() > MAX_AUTHORIZATION_LENGTH) {
            return ProblemMapper.problem(ErrorCode.HEADERS_TOO_LARGE,
                    "The bearer token is longer than " + MAX_AUTHORIZATION_LENGTH + " characters.").build();
        }
        if (payloadDepth(authorization) > MAX_CLAIM_DEPTH) {
            return ProblemMapper.problem(ErrorCode.BAD_REQUEST,
                    "The bearer token's claims are nested more than " + MAX_CLAIM_DEPTH + " levels deep.").build();
        }
        return null;
    }

    /** Nesting depth of the JWT payload's JSON, or 0 when the header does not carry a decodable JWT. */
    static int payloadDepth(String authorization) {
        String[] parts = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim().split("\\.", -1) : new String[0];
        if (parts.length != 3) {
            return 0;
        }
        try {
            return nestingDepth(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64Url) {
            return 0;
        }
    }

    /** Deepest nesting of objects and arrays, ignoring brackets inside strings. */
    static int nestingDepth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
