package io.stsvend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stsvend.testing.TestVerifiedCacheConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

/** {@code stsvend.jwt.verified-cache.*} outside its bounds stops the start, each property named; the bounds pass. */
class VerifiedCacheConfigCheckTest {

    static VerifiedCacheConfig config(boolean enabled, Duration ttl, long maximumSize) {
        return new TestVerifiedCacheConfig(enabled, ttl, maximumSize);
    }

    @Test
    void theDefaultsAndTheBoundsThemselvesPass() {
        assertEquals(List.of(), VerifiedCacheConfigCheck.problems(config(true, Duration.ofSeconds(60), 10_000)));
        assertEquals(List.of(), VerifiedCacheConfigCheck.problems(config(true, Duration.ofSeconds(1), 1)));
        assertEquals(List.of(), VerifiedCacheConfigCheck.problems(config(true, Duration.ofMinutes(5), 1_000_000)));
    }

    /** One setting just outside its bound, the other valid: exactly that setting is reported, with its value. */
    @ParameterizedTest(name = "ttl {0} ms, maximum size {1}")
    @CsvSource(delimiter = '|', textBlock = """
            999    | 10        | stsvend.jwt.verified-cache.ttl: must be between 1s and 300s, is 999ms
            300001 | 10        | stsvend.jwt.verified-cache.ttl: must be between 1s and 300s, is 300001ms
            60000  | 0         | stsvend.jwt.verified-cache.maximum-size: must be between 1 and 1000000, is 0
            60000  | 1000001   | stsvend.jwt.verified-cache.maximum-size: must be between 1 and 1000000, is 1000001
            """)
    void aSettingOutsideItsBoundIsReportedByName(long ttlMillis, long maximumSize, String problem) {
        assertEquals(List.of(problem),
                VerifiedCacheConfigCheck.problems(config(true, Duration.ofMillis(ttlMillis), maximumSize)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(2, VerifiedCacheConfigCheck.problems(config(true, Duration.ZERO, -1)).size());
    }
}
