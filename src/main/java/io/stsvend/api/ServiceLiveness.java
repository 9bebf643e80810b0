package io.stsvend.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness entry {@code stsvend}: UP whenever the process can answer. Deliberately independent of STS, the cache
 * and configuration: restarting a replica fixes none of those, and an STS outage must never restart every replica.
 */
@Liveness
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("stsvend");
    }
}
