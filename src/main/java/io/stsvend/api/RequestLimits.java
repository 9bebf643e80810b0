package io.stsvend.api;

import io.stsvend.error.ErrorCode;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

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

    /**
     * Nesting depth of the JWT payload's JSON, or 0 when the header does not carry a three-part JWT whose payload
     * {@link Base64#getUrlDecoder()} decodes. Every request passes here, so it finds the parts without splitting the
     * header and scans the decoded bytes without making a string of them: the brackets, quotes and backslashes it
     * counts are ASCII, and no byte of a multi-byte UTF-8 character can be mistaken for one.
     */
    static int payloadDepth(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return 0;
        }
        int from = 7;
        int to = authorization.length();
        while (from < to && authorization.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && authorization.charAt(to - 1) <= ' ') {
            to--;
        }
        int firstDot = authorization.indexOf('.', from);
        int secondDot = firstDot < 0 || firstDot >= to ? -1 : authorization.indexOf('.', firstDot + 1);
        if (secondDot < 0 || secondDot >= to) {
            return 0;
        }
        int thirdDot = authorization.indexOf('.', secondDot + 1);
        if (thirdDot >= 0 && thirdDot < to) {
            return 0;
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(authorization.substring(firstDot + 1, secondDot));
        } catch (IllegalArgumentException notBase64Url) {
            return 0;
        }
        JsonDepth depth = new JsonDepth();
        for (byte b : payload) {
            depth.accept(b);
        }
        return depth.deepest;
    }

    /** Deepest nesting of objects and arrays, ignoring brackets inside strings. */
    static int nestingDepth(String json) {
        JsonDepth depth = new JsonDepth();
        json.chars().forEach(depth::accept);
        return depth.deepest;
    }

    /** The nesting scan, one character (or UTF-8 byte) at a time; only ASCII values change its state. */
    private static final class JsonDepth {
        private int depth;
        private int deepest;
        private boolean inString;
        private boolean escaped;

        void accept(int c) {
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
    }
}
