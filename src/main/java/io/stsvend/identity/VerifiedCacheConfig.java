package io.stsvend.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The verified-token cache ({@code stsvend.jwt.verified-cache}, {@link VerifiedTokens}). Bounds are checked at
 * startup ({@link VerifiedCacheConfigCheck}); the README's configuration and cache tables say what each guarantees.
 */
@ConfigMapping(prefix = "stsvend.jwt.verified-cache")
public interface VerifiedCacheConfig {

    /** Off: every request verifies its token's signature and parses its claims again. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Longest a successful verification is reused, however far away the token's {@code exp} is: also the longest
     * a token stays accepted after its key was removed while the JWKS URL cannot be reached.
     */
    @WithDefault("60s")
    Duration ttl();

    /** Most verifications remembered (least recently used go first): each holds one token and its claims. */
    @WithDefault("10000")
    long maximumSize();
}
