package io.stsvend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** {@code stsvend.jwt.verified-cache.*} outside its bounds stops the start, each property named; the bounds pass. */
class VerifiedCacheConfigCheckTest {

    static VerifiedCacheConfig config(boolean enabled, Duration ttl, long maximumSize) {
        return new VerifiedCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration ttl() {
                return ttl;
            }

            @Override
            public long maximumSize() {
                return maximumSize;
            }
        };
    }

    @Test
    void theDefaultsAndTheBoundsThemselvesPass() {
        assertEquals(List.of(), VerifiedCacheConfigCheck.problems(config(true, Duration.ofSeconds(60), 10_000)));
        assertEquals(List.of(), VerifiedCacheConfigCheck.problems(config(true, Duration.ofSeconds(1), 1)));
        assertEquals(List.of(), VerifiedCacheConfigCheck.problems(config(true, Duration.ofMinutes(5), 1_000_000)));
    }

    @Test
    void aTtlBelowOneSecondIsReported() {
        assertEquals(List.of("stsvend.jwt.verified-cache.ttl: must be between 1s and 300s, is 999ms"),
                VerifiedCacheConfigCheck.problems(config(true, Duration.ofMillis(999), 10)));
    }

    @Test
    void aTtlAboveFiveMinutesIsReported() {
        assertEquals(List.of("stsvend.jwt.verified-cache.ttl: must be between 1s and 300s, is 300001ms"),
                VerifiedCacheConfigCheck.problems(config(true, Duration.ofMillis(300_001), 10)));
    }

    @Test
    void aSizeOfZeroIsReported() {
        assertEquals(List.of("stsvend.jwt.verified-cache.maximum-size: must be between 1 and 1000000, is 0"),
                VerifiedCacheConfigCheck.problems(config(true, Duration.ofSeconds(60), 0)));
    }

    @Test
    void aSizeAboveAMillionIsReported() {
        assertEquals(List.of("stsvend.jwt.verified-cache.maximum-size: must be between 1 and 1000000, is 1000001"),
                VerifiedCacheConfigCheck.problems(config(true, Duration.ofSeconds(60), 1_000_001)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(2, VerifiedCacheConfigCheck.problems(config(true, Duration.ZERO, -1)).size());
    }
}
