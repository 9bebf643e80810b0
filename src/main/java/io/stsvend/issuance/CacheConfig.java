package io.stsvend.issuance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The per-user credential cache ({@code stsvend.cache.*}). Checked at startup against the STS duration. */
@ConfigMapping(prefix = "stsvend.cache")
public interface CacheConfig {

    /** Name of the quarkus-cache (Caffeine) cache holding one slot per subject and policy. */
    String NAME = "sts-credentials";

    /**
     * A cached token is served only while at least this much validity is left; must be at least 1 minute and below
     * the STS duration minus 1 minute (so a fresh token is usable for a while). Default 5 minutes.
     */
    @WithDefault("5m")
    Duration minRemaining();

    /**
     * Most (subject, policy) entries kept, 1 to 10,000,000. Beyond it Caffeine evicts by its Window TinyLFU policy
     * (frequency and recency), not strictly the least recently used.
     */
    @WithDefault("100000")
    long maximumSize();

    /**
     * Refresh ahead: once a token has less than this much validity left, the next request still gets it and starts
     * one background AssumeRole for its key. Must be longer than {@code min-remaining} plus {@code refresh-backoff}
     * and shorter than the STS duration. Default: the second half of each token's life (1800 s of a 3600 s token).
     */
    Optional<Duration> refreshWindow();

    /**
     * After a failed background refresh, the token keeps being served and the next refresh waits this long,
     * doubling on each further failure (at most 8 times this). 1 s to 10 min, default 30 s.
     */
    @WithDefault("30s")
    Duration refreshBackoff();
}
