package io.stsvend.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stsvend.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

/**
 * Answers the HTTP layer's own refusals in problem+json instead of an empty body or an ERROR log line: the router
 * fails a request with a 4xx before any route runs, e.g. 400 for a query string with broken percent-encoding
 * ({@code ?prefix=%zz}) or an invalid {@code Host} header. Such a 4xx becomes the catalogue problem for its status
 * ({@code bad-request} for any 4xx the catalogue has no entry for); it is the client's fault, so it is logged at
 * DEBUG only and its cause's text is never shown. Anything else (5xx, no status) is left to the next handler.
 */
@ApplicationScoped
public class RoutingFailures {

    private static final Logger LOG = Logger.getLogger(RoutingFailures.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    void register(@Observes Router router) {
        // Failure handlers run in order: this one before Quarkus's own, which would answer an empty body.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // A request the router cannot even match (its query does not decode) fails outside every route.
        router.errorHandler(400, this::handle);
    }

    void handle(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            default -> ErrorCode.BAD_REQUEST;
        };
        LOG.debugf("Refused a malformed request with %d", status);
        String body;
        try {
            body = JSON.writeValueAsString(Problem.of(code, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem of strings always renders", e);
        }
        context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
