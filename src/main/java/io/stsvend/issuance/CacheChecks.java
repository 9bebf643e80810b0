package io.stsvend.issuance;

import io.stsvend.sts.StsConfig;

import java.time.Duration;

/**
 * Startup rules for the cache ({@code stsvend.cache.*}) and the per-subject miss limit ({@code stsvend.miss-limit.*}):
 * bounds, and the order a token's life must follow: refresh starts, a failed refresh is retried at least once, and
 * only then does the token drop below {@code min-remaining}.
 */
final class CacheChecks {

    private CacheChecks() {
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
