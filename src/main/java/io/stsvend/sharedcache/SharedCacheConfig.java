package io.stsvend.sharedcache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The optional cache shared by all replicas on Redis ({@code stsvend.shared-cache.*}); off by default. The Redis
 * connection itself is {@code quarkus.redis.*}. Checked at startup ({@link SharedCacheChecks}).
 */
@ConfigMapping(prefix = "stsvend.shared-cache")
public interface SharedCacheConfig {

    /** Read Redis on a local miss and share new tokens through it. Default false (per-replica caching only). */
    @WithDefault("false")
    boolean enabled();

    /**
     * Encryption keys as {@code id:base64}, each 32 random bytes (AES-256), id of 1-32 letters, digits, '-' or '_';
     * the first encrypts, all decrypt (rotation: add the new key second, roll out, move it first, roll out, drop the
     * old one). Required when enabled; comes from a Kubernetes Secret ({@code STSVEND_SHARED_CACHE_KEYS}).
     */
    Optional<List<String>> keys();

    /** How long one replica may hold a key's STS-call lock before others call themselves. 1 s to 60 s, default 5 s. */
    @WithDefault("5s")
    Duration lockTtl();

    /** How often a replica waiting for another's STS call looks for its result. 10 ms to 1 s, below lock-ttl. */
    @WithDefault("50ms")
    Duration pollInterval();

    /** Longest wait for any one Redis command before it counts as failed. 10 ms to 5 s, default 250 ms. */
    @WithDefault("250ms")
    Duration operationTimeout();

    /**
     * After a failed or timed-out Redis command, how long a replica stays away from Redis (calling STS on its own,
     * without sending commands) before the next local miss tries it again. 100 ms to 60 s and at least
     * {@code operation-timeout}, default 2 s.
     */
    @WithDefault("2s")
    Duration retryInterval();
}
