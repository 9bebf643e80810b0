package io.stsvend.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a request whose request-target is not a valid URI (broken percent-encoding such as {@code ?prefix=%zz},
 * or characters a URI may not carry, such as {@code {} |}) with a 400 that {@link RoutingFailures} answers in
 * problem+json, before any other route runs.
 *
 * <p>This is the same test Quarkus's HTTP front door applies ({@code new URI(request-target)}); that one answers an
 * empty-bodied 400 before the router, where no handler of ours can speak. {@link RequestUriCheckHandover} turns the
 * front door's copy off as the process starts, so this route is where the check lives; the set of requests refused
 * is unchanged.
 */
@ApplicationScoped
public class RequestUriCheck {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        if (isValid(context.request().uri())) {
            context.next();
        } else {
            context.fail(400);
        }
    }

    static boolean isValid(String requestTarget) {
        if (requestTarget == null) {
            return false;
        }
        try {
            new URI(requestTarget);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
