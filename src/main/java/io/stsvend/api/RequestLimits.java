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
     * Nesting depth of the JWT payload's JSON, or 0 when the header does not carry a three-part JWT whose payload is
     * Base64url as {@link Base64#getUrlDecoder()} accepts it. Every request passes here, so it decodes the payload as
     * it scans it, without copying the header or the payload: the brackets, quotes and backslashes it counts are
     * ASCII, and no byte of a multi-byte UTF-8 character can be mistaken for one.
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
        return decodedDepth(authorization, firstDot + 1, secondDot);
    }

    /** {@link #nestingDepth} of the Base64url text in {@code [from, to)}, decoded on the fly; 0 if it is not that. */
    static int decodedDepth(String text, int from, int to) {
        JsonDepth json = new JsonDepth();
        int bits = 0;
        int pending = 0;
        int i = from;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            int sextet = sextet(c);
            if (sextet < 0) {
                return 0;
            }
            bits = bits << 6 | sextet;
            pending += 6;
            if (pending >= 8) {
                pending -= 8;
                json.accept(bits >> pending & 0xFF);
            }
        }
        int units = (i - from) % 4;
        if (units == 1) {
            return 0;
        }
        if (i < to) {
            // Padding: exactly what completes the last unit, and nothing after it.
            int padding = to - i;
            if (units == 0 || padding != 4 - units) {
                return 0;
            }
            for (int k = i; k < to; k++) {
                if (text.charAt(k) != '=') {
                    return 0;
                }
            }
        }
        return json.deepest;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    /** Deepest nesting of objects and arrays, ignoring brackets inside strings. */
    static int nestingDepth(String json) {
        JsonDepth depth = new JsonDepth();
        json.chars().forEach(depth::accept);
        return depth.deepest;
    }

    /** The nesting scan, one character (or UTF-8 byte) at a time. */
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
