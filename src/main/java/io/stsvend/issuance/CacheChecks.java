package io.stsvend.issuance;

import io.stsvend.sts.StsConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * Startup rules for the cache ({@code stsvend.cache.*}) and the per-subject miss limit ({@code stsvend.miss-limit.*}):
 * bounds, and the order a token's life must follow: refresh starts, a failed refresh is retried at least once, and
 * only then does the token drop below {@code min-remaining}.
 */
public final class CacheChecks {

    /**
     * Heap one cached user holds, measured: the bench's RSS scenario (production jar, 100,000 users, the emulator's
     * Base64 security tokens of about 860 characters, as long as real ones often are) held 1.60 KB of live heap per
     * user, counting the verified-token cache that many users fill: 1.34 KB for the packed token, secret, key id and
     * request id ({@link PackedCredentials}), the cache key, slot and Caffeine node and the miss limiter's record, and
     * about 0.2 KB for the verified-token cache's 10,000 entries of about 1.8 KB each, which keep no token text
     * (bench/results/2026-12-02-rss.md). An identity provider's longer tokens make those entries larger (about 7 KB
     * for a Keycloak access token).
     */
    public static final long HEAP_PER_CACHED_USER = 1_600;

    private CacheChecks() {
    }

    /**
     * A warning when a full cache of {@code maximumSize} users would take more than half of {@code maxHeapBytes}
     * (the rest is the service itself, its other caches and the collector's room): the JVM would be GC-bound, or run
     * out of memory, once that many users are cached. Empty when it fits or the heap has no limit.
     */
    public static Optional<String> heapWarning(long maximumSize, long maxHeapBytes) {
        long needed = maximumSize * HEAP_PER_CACHED_USER;
        if (maxHeapBytes == Long.MAX_VALUE || needed <= maxHeapBytes / 2) {
            return Optional.empty();
        }
        long fits = maxHeapBytes / 2 / HEAP_PER_CACHED_USER;
        return Optional.of("stsvend.cache.maximum-size: " + maximumSize + " cached users need about " + mib(needed)
                + " MiB of heap (about " + HEAP_PER_CACHED_USER + " bytes each), more than half of this JVM's "
                + mib(maxHeapBytes) + " MiB; a full cache would leave it GC-bound or out of memory. Lower the maximum"
                + " to about " + fits + " or give the JVM more heap.");
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    static void check(CacheConfig cache, MissLimitConfig misses, StsConfig sts, Problems problems) {
        problems.within("stsvend.cache.min-remaining", cache.minRemaining(), Duration.ofMinutes(1),
                sts.duration().minusMinutes(1));
        problems.within("stsvend.cache.maximum-size", cache.maximumSize(), 1, 10_000_000);
        problems.within("stsvend.cache.refresh-backoff", cache.refreshBackoff(), Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        Duration window = cache.refreshWindow().orElse(sts.duration().dividedBy(2));
        String name = cache.refreshWindow().isPresent() ? "stsvend.cache.refresh-window"
                : "stsvend.cache.refresh-window (default: half of stsvend.sts.duration)";
        Duration earliest = cache.minRemaining().plus(cache.refreshBackoff());
        if (window.compareTo(earliest) <= 0) {
            problems.add(name + ": must be longer than min-remaining plus refresh-backoff (" + Problems.text(earliest)
                    + ") so a failed refresh is retried before the token is withdrawn, is " + Problems.text(window));
        }
        if (window.compareTo(sts.duration()) >= 0) {
            problems.add(name + ": must be shorter than stsvend.sts.duration (" + Problems.text(sts.duration())
                    + "), or every token would be refreshed at once, is " + Problems.text(window));
        }
        problems.within("stsvend.miss-limit.per-subject", misses.perSubject(), 1, 1000);
        problems.within("stsvend.miss-limit.window", misses.window(), Duration.ofSeconds(1), Duration.ofDays(1));
        problems.within("stsvend.miss-limit.tracked-subjects", misses.trackedSubjects(), 100, 10_000_000);
    }
}
