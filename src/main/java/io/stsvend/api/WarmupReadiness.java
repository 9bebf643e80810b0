package io.stsvend.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness entry {@code warmup}: DOWN until {@link RequestPathWarmup} has run the request path on synthetic data,
 * so that a load balancer sends no traffic to a process whose first requests would stall its event loops on class
 * loading. Never calls STS.
 */
@Readiness
@ApplicationScoped
public class WarmupReadiness implements HealthCheck {

    private final RequestPathWarmup warmup;

    public WarmupReadiness(RequestPathWarmup warmup) {
        this.warmup = warmup;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warmup").status(warmup.finished()).build();
    }
}
