package io.stsvend.testing;

import io.stsvend.identity.VerifiedCacheConfig;

import java.time.Duration;

/** A hand-made {@link VerifiedCacheConfig} for tests and benchmarks that build the verified-token cache by hand. */
public record TestVerifiedCacheConfig(boolean enabled, Duration ttl, long maximumSize)
        implements VerifiedCacheConfig {
}
