package io.stsvend.api;

import io.stsvend.error.ErrorCode;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bearer tokens before anything parses them: an {@code Authorization} header longer than
 * {@value #MAX_AUTHORIZATION_LENGTH} characters gets 431 {@code headers-too-large} as problem+json. Identity
 * providers issue tokens well below this; a bigger one is a mistake or an attempt to make the JWT parser work hard
 * (huge or deeply nested claims). Heads beyond {@code quarkus.http.limits.max-header-size} never get this far:
 * Vert.x answers them itself with an empty 431.
 */
public class RequestLimits {

    static final int MAX_AUTHORIZATION_LENGTH = 8192;

    @ServerRequestFilter(preMatching = true)
    public Response limitAuthorization(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > MAX_AUTHORIZATION_LENGTH) {
            return ProblemMapper.problem(ErrorCode.HEADERS_TOO_LARGE,
                    "The bearer token is longer than " + MAX_AUTHORIZATION_LENGTH + " characters.").build();
        }
        return null;
    }
}
