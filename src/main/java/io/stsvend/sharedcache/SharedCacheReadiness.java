package io.stsvend.sharedcache;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness entry {@code shared-cache}: always UP, because a replica without Redis still serves every request from
 * its own cache; its {@code state} says {@code disabled}, {@code shared}, or {@code degraded} (the last Redis command
 * failed; the replica calls STS on its own, trying Redis again every {@code retry-interval}, until it answers).
 * Never contacts Redis itself.
 */
@Readiness
@ApplicationScoped
public class SharedCacheReadiness implements HealthCheck {

    private final SharedFlight shared;

    SharedCacheReadiness(SharedFlight shared) {
        this.shared = shared;
    }

    @Override
    public HealthCheckResponse call() {
        String state = !shared.enabled() ? "disabled" : shared.degraded() ? "degraded" : "shared";
        return HealthCheckResponse.named("shared-cache").up().withData("state", state).build();
    }
}
