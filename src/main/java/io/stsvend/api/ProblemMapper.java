package io.stsvend.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception → {@code application/problem+json} mapping. Catalogue errors keep their status, code and safe
 * detail; authentication failures become 401 with {@code WWW-Authenticate}; JAX-RS routing errors keep their status;
 * anything else is a 500 {@code internal} whose cause is logged here and never shown.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"stsvend\"";
    static final String INVALID_TOKEN_CHALLENGE = BEARER_CHALLENGE + ", error=\"invalid_token\"";

    @ServerExceptionMapper
    public Response coded(CodedException e) {
        if (e.errorCode().logAsError()) {
            LOG.warnf("Request failed: %s", e.getMessage());
        }
        Response.ResponseBuilder response = problem(e.errorCode(), e.detail().orElse(null));
        // Whole seconds, rounded up: a client told to come back early would only be refused again.
        e.retryAfter().ifPresent(after -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, (after.toMillis() + 999) / 1000)));
        return response.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problem(ErrorCode.UNAUTHENTICATED, "No bearer token was presented.")
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(ErrorCode.UNAUTHENTICATED, "The bearer token is invalid or expired.")
                .header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(ErrorCode.FORBIDDEN, null).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(ErrorCode.NOT_FOUND, null).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response.ResponseBuilder response = problem(ErrorCode.METHOD_NOT_ALLOWED, null);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return problem(ErrorCode.NOT_ACCEPTABLE, null).build();
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape or type; Jackson's own text is never shown. The specific
     * types are listed because the REST layer's own mappers for them would otherwise win.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e) {
        return problem(ErrorCode.BAD_REQUEST, "The request body is not the JSON object this endpoint expects.").build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorCode code = status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        if (status >= 500) {
            LOG.errorf(e, "Unhandled web application exception (status %d)", status);
        }
        return problem(code, null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Unexpected failure while serving a request (%s)", e.getClass().getName());
        return problem(ErrorCode.INTERNAL, null).build();
    }

    static Response.ResponseBuilder problem(ErrorCode error, String detail) {
        return Response.status(error.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Problem.of(error, detail));
    }
}
