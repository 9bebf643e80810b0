package io.stsvend.sts;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;

/**
 * Readiness entry {@code sts}: reports the AssumeRole circuit breaker's state ({@code circuitBreaker} = closed,
 * half-open or open) without calling STS.
 *
 * <p>It stays UP while the breaker is open, on purpose: every replica shares the same STS, so taking replicas out of
 * the load balancer during an STS outage would also cut off the callers whose cached tokens are still being served.
 * The state is there for dashboards and alerts ({@code stsvend.sts.circuit-breaker} carries it too). It is DOWN
 * only at start, until the guard's rehearsal on synthetic answers ended ({@link AssumeRoleGuard#rehearsed()}, well
 * under a second), so that no traffic arrives while that would still stall an event loop.
 */
@Readiness
@ApplicationScoped
public class StsReadinessCheck implements HealthCheck {

    private final AssumeRoleGuard guard;

    public StsReadinessCheck(AssumeRoleGuard guard) {
        this.guard = guard;
    }

    @Override
    public HealthCheckResponse call() {
        CircuitBreakerState state = guard.circuitBreakerState();
        return HealthCheckResponse.named("sts").status(guard.rehearsed())
                .withData("circuitBreaker", state.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .build();
    }
}
