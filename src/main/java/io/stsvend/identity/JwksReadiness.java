package io.stsvend.identity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness entry {@code jwks}. DOWN only until the identity provider's keys have been loaded once: a replica
 * without keys can verify no token, so traffic is better sent to one that has them. After that it stays UP while
 * the IdP is down or hanging — the known keys keep verifying, and every replica shares the same IdP, so taking
 * them all out of rotation would turn an IdP outage into a full outage. The data tells operators how old the keys
 * are and what the last fetch problem was. UP with {@code source: static-key} when no JWKS URL is configured.
 */
@Readiness
@ApplicationScoped
public class JwksReadiness implements HealthCheck {

    private final JwksKeys keys;

    public JwksReadiness(JwksKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("jwks");
        if (!keys.enabled()) {
            return response.up().withData("source", "static-key").build();
        }
        JwksKeys.State state = keys.state();
        response.status(state.loaded()).withData("source", "jwks").withData("keys", state.keys());
        state.age().ifPresent(age -> response.withData("ageSeconds", age.toSeconds()));
        state.problem().ifPresent(problem -> response.withData("lastProblem", problem));
        return response.build();
    }
}
