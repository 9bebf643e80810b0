package io.stsvend.issuance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The per-subject limit on cache misses ({@code stsvend.miss-limit.*}): a caller who forces new AssumeRole calls
 * (for instance by rotating claims so their policy keeps changing) gets 429 {@code rate-limited} with Retry-After
 * beyond {@code per-subject} misses per {@code window}. Background refreshes and cache hits never count.
 */
@ConfigMapping(prefix = "stsvend.miss-limit")
public interface MissLimitConfig {

    /** Misses a subject may cause per window, in a burst or spread out; 1 to 1000, default 20. */
    @WithDefault("20")
    int perSubject();

    /** The window over which {@code per-subject} misses are allowed, 1 s to 1 day, default 10 minutes. */
    @WithDefault("10m")
    Duration window();

    /**
     * Subjects whose recent misses are remembered, 100 to 10,000,000; beyond it Caffeine's size eviction (Window
     * TinyLFU) forgets the rarely and long-unseen first.
     */
    @WithDefault("100000")
    long trackedSubjects();
}
