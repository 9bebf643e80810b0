package io.stsvend.identity;

import io.stsvend.configcheck.ConfigurationRule;
import io.stsvend.configcheck.GroupRule;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The JWKS group's {@link ConfigurationRule}: timings outside their bounds, each naming its property. */
@Singleton
public class JwksConfigCheck extends GroupRule<JwksConfig> {

    @Inject
    public JwksConfigCheck(JwksConfig config) {
        super(config, JwksConfigCheck::problems);
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
