package io.stsvend.issuance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** Most (subject, policy) entries kept; least recently used are evicted first. 1 to 10,000,000. */
    @WithDefault("100000")
    long maximumSize();
}
