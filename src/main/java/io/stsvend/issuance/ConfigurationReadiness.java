package io.stsvend.issuance;

import io.stsvend.configcheck.StartupCheck;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness entry {@code configuration}: UP once {@link StartupCheck} has run at startup and found no
 * problem, DOWN before that. (With a problem the application does not start at all.) Never calls STS.
 */
@Readiness
@ApplicationScoped
public class ConfigurationReadiness implements HealthCheck {

    private final StartupCheck check;

    public ConfigurationReadiness(StartupCheck check) {
        this.check = check;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("configuration").status(check.passed()).build();
    }
}
