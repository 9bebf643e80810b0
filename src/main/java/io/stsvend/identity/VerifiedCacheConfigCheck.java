package io.stsvend.identity;

import io.quarkus.runtime.StartupEvent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Refuses to start with verified-token cache settings outside their bounds, naming every property that is wrong. */
@ApplicationScoped
public class VerifiedCacheConfigCheck {

    static final Duration MIN_TTL = Duration.ofSeconds(1);
    static final Duration MAX_TTL = Duration.ofMinutes(5);
    static final long MAX_SIZE = 1_000_000;

    void onStart(@Observes @Priority(2) StartupEvent event, VerifiedCacheConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            // Same shape as issuance.InvalidConfigurationException, which identity may not depend on.
            throw new IllegalStateException("stsvend cannot start, " + problems.size()
                    + " configuration problem(s):\n - " + String.join("\n - ", problems));
        }
    }

    static List<String> problems(VerifiedCacheConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.ttl().compareTo(MIN_TTL) < 0 || config.ttl().compareTo(MAX_TTL) > 0) {
            problems.add("stsvend.jwt.verified-cache.ttl: must be between 1s and 300s, is " + config.ttl().toMillis()
                    + "ms");
        }
        if (config.maximumSize() < 1 || config.maximumSize() > MAX_SIZE) {
            problems.add("stsvend.jwt.verified-cache.maximum-size: must be between 1 and " + MAX_SIZE + ", is "
                    + config.maximumSize());
        }
        return problems;
    }
}
