package io.stsvend.identity;

import io.quarkus.runtime.StartupEvent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Refuses to start with a JWKS timing outside its bounds, naming every property that is wrong. */
@ApplicationScoped
public class JwksConfigCheck {

    void onStart(@Observes @Priority(2) StartupEvent event, JwksConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            // Same shape as issuance.InvalidConfigurationException, which identity may not depend on.
            throw new IllegalStateException("stsvend cannot start, " + problems.size()
                    + " configuration problem(s):\n - " + String.join("\n - ", problems));
        }
    }

    static List<String> problems(JwksConfig config) {
        List<String> problems = new ArrayList<>();
        within(problems, "stsvend.jwks.refresh-interval", config.refreshInterval(), Duration.ofSeconds(30),
                Duration.ofHours(24));
        within(problems, "stsvend.jwks.unknown-kid-min-interval", config.unknownKidMinInterval(), Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        within(problems, "stsvend.jwks.fetch-timeout", config.fetchTimeout(), Duration.ofMillis(100),
                Duration.ofSeconds(30));
        if (config.unknownKidMinInterval().compareTo(config.refreshInterval()) > 0) {
            problems.add("stsvend.jwks.unknown-kid-min-interval: must not be longer than stsvend.jwks.refresh-interval");
        }
        return problems;
    }

    private static void within(List<String> problems, String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(name + ": must be between " + min.toMillis() + "ms and " + max.toSeconds() + "s, is "
                    + value.toMillis() + "ms");
        }
    }
}
