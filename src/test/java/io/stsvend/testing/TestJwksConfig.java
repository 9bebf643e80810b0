package io.stsvend.testing;

import io.stsvend.identity.JwksConfig;

import java.time.Duration;

/** A hand-made {@link JwksConfig} for tests and benchmarks that build the key set without Quarkus. */
public record TestJwksConfig(Duration refreshInterval, Duration unknownKidMinInterval, Duration fetchTimeout)
        implements JwksConfig {

    /** The documented defaults: refresh every 5 minutes, an unknown kid at most every 5 s, fetches within 3 s. */
    public static TestJwksConfig defaults() {
        return new TestJwksConfig(Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(3));
    }
}
