package io.stsvend.issuance;

import io.stsvend.testing.StoppedClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissLimiterTest {

    /** Time that moves only when the test says so, for exact Retry-After values. */
    final StoppedClock clock = new StoppedClock(Instant.parse("2026-11-30T00:00:00Z"));

    MissLimiter limiter(int perSubject, Duration window, long tracked) {
        return new MissLimiter(new MissLimitConfig() {
            @Override
            public int perSubject() {
                return perSubject;
            }

            @Override
            public Duration window() {
                return window;
            }

            @Override
            public long trackedSubjects() {
                return tracked;
            }
        }, clock);
    }

    @Test
    void burstUpToTheLimitThenRetryAfterOneInterval() {
        MissLimiter limiter = limiter(3, Duration.ofMinutes(3), 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("alice").isEmpty(), "miss " + (i + 1) + " is allowed");
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), limiter.tryAcquire("alice"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.tryAcquire("alice"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryAcquire("alice").isEmpty());
        assertTrue(limiter.tryAcquire("alice").isPresent());
    }

    @Test
    void subjectsHaveTheirOwnBudget() {
        MissLimiter limiter = limiter(1, Duration.ofMinutes(1), 100);
        assertTrue(limiter.tryAcquire("alice").isEmpty());
        assertTrue(limiter.tryAcquire("alice").isPresent());
        assertTrue(limiter.tryAcquire("bob").isEmpty());
    }

    @Test
    void aWholeIdleWindowRestoresTheFullBurst() {
        MissLimiter limiter = limiter(2, Duration.ofMinutes(10), 100);
        limiter.tryAcquire("alice");
        limiter.tryAcquire("alice");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire("alice").isEmpty());
        assertTrue(limiter.tryAcquire("alice").isEmpty());
        assertTrue(limiter.tryAcquire("alice").isPresent());
    }

    @Test
    void refusedTriesDoNotUseTheBudget() {
        MissLimiter limiter = limiter(1, Duration.ofMinutes(1), 100);
        limiter.tryAcquire("alice");
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("alice");
        }
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire("alice").isEmpty(), "hammering while refused does not push the wait further");
    }
}
