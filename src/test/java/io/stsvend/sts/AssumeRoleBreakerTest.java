package io.stsvend.sts;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.stsvend.testing.StoppedClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The breaker's states on a moved clock: window of 4, ratio 0.5 (2 failures), delay 10 s, 2 trial successes. */
class AssumeRoleBreakerTest {

    final StoppedClock clock = StoppedClock.now();
    final List<CircuitBreakerState> changes = new ArrayList<>();
    final AssumeRoleBreaker breaker = new AssumeRoleBreaker(new Settings(), clock, changes::add);

    record Settings() implements ResilienceConfig.CircuitBreaker {
        public int requestVolumeThreshold() {
            return 4;
        }

        public double failureRatio() {
            return 0.5;
        }

        public Duration delay() {
            return Duration.ofSeconds(10);
        }

        public int successThreshold() {
            return 2;
        }
    }

    void tries(boolean... failed) {
        for (boolean f : failed) {
            breaker.record(breaker.tryAcquire(), f);
        }
    }

    void open() {
        tries(true, true, false, false);
        assertEquals(CircuitBreakerState.OPEN, breaker.state());
    }

    @Test
    void opensOnlyOnceTheWindowIsFullAndEnoughOfItFailed() {
        tries(true, true, false);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state(), "three results do not fill a window of four");
        tries(false);
        assertEquals(CircuitBreakerState.OPEN, breaker.state());
        assertEquals(List.of(CircuitBreakerState.OPEN), changes);
    }

    @Test
    void theWindowRollsSoOldFailuresAgeOut() {
        tries(true, false, false, false, false, true, false, false);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state(), "never two failures among the last four");
        tries(true);
        assertEquals(CircuitBreakerState.OPEN, breaker.state());
    }

    @Test
    void openRefusesForItsWholeDelayOnTheClock() {
        open();
        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertNull(breaker.tryAcquire());
        clock.advance(Duration.ofMillis(1));
        assertEquals(CircuitBreakerState.HALF_OPEN, breaker.state());
    }

    @Test
    void halfOpenLetsThroughTrialsAndClosesAfterEnoughSuccesses() {
        open();
        clock.advance(Duration.ofSeconds(10));
        AssumeRoleBreaker.Permit first = breaker.tryAcquire();
        AssumeRoleBreaker.Permit second = breaker.tryAcquire();
        assertNotNull(second);
        assertNull(breaker.tryAcquire(), "no more trials than the success threshold at once");
        breaker.record(first, false);
        assertEquals(CircuitBreakerState.HALF_OPEN, breaker.state());
        breaker.record(second, false);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state());
        tries(true);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state(), "closing starts an empty window");
    }

    @Test
    void aFailedTrialOpensItAgainForAnotherDelay() {
        open();
        clock.advance(Duration.ofSeconds(10));
        tries(true);
        assertEquals(CircuitBreakerState.OPEN, breaker.state());
        clock.advance(Duration.ofSeconds(9));
        assertNull(breaker.tryAcquire());
    }

    @Test
    void aLateResultFromBeforeAStateChangeIsIgnored() {
        AssumeRoleBreaker.Permit late = breaker.tryAcquire();
        open();
        clock.advance(Duration.ofSeconds(10));
        tries(false);
        breaker.record(late, true);
        assertEquals(CircuitBreakerState.HALF_OPEN, breaker.state(), "only the trial's own result counts");
    }

    @Test
    void resetClosesWithAnEmptyWindow() {
        open();
        breaker.reset();
        assertEquals(CircuitBreakerState.CLOSED, breaker.state());
        tries(true, true, false);
        assertEquals(CircuitBreakerState.CLOSED, breaker.state());
    }
}
