package io.stsvend.testing;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.sts.AssumeRoleGuard;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.stsvend.testing.CredentialsCalls.accessKeyId;
import static io.stsvend.testing.CredentialsCalls.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CloudBoxTestSupport}: the first test injects the box, breaks everything it resets and cleans up nothing; the
 * second, run after it in the same application, finds it all as it started.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudBoxTestSupportTest {

    static final Duration MOVED = Duration.ofHours(3);

    @Inject
    CloudBox box;

    @Inject
    LocalCloudClock cloudClock;

    @Inject
    MutableClock clock;

    @Inject
    AssumeRoleGuard guard;

    static String cold() {
        return TestTokens.forSubject("box-support-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    @Order(1)
    void aTestLeavesClocksMovedFaultsSetAndTheBreakerOpen() {
        assertSame(box.clock(), cloudClock, "the injected clock is the box's");
        box.faults().failAllCalls(InjectedError.serviceUnavailable());
        // 10 failed tries in a row open it (test profile); each cold caller makes up to 3.
        for (int caller = 0; caller < 10 && guard.circuitBreakerState() != CircuitBreakerState.OPEN; caller++) {
            get(cold());
        }
        assertEquals(CircuitBreakerState.OPEN, guard.circuitBreakerState());
        box.faults().delayResponses(Duration.ofSeconds(2));
        // Moved last: with the box's clock hours off, STS refuses the SDK's timestamps, which never opens a breaker.
        clock.advance(MOVED);
        cloudClock.advance(MOVED);
    }

    @Test
    @Order(2)
    void theNextTestFindsThemReset() {
        assertOnSystemTime(clock, "the service's clock");
        assertOnSystemTime(cloudClock, "the box's clock");
        assertEquals(CircuitBreakerState.CLOSED, guard.circuitBreakerState());
        long calls = box.assumeRoleCalls();
        long delayed = box.faults().delayedResponses();
        accessKeyId(cold());
        assertEquals(calls + 1, box.assumeRoleCalls(), "STS answers the first try: no injected error is left");
        assertEquals(delayed, box.faults().delayedResponses(), "no injected delay is left");
    }

    static void assertOnSystemTime(Clock moved, String name) {
        Duration off = Duration.between(Instant.now(), moved.instant()).abs();
        assertTrue(off.compareTo(MOVED.dividedBy(2)) < 0, name + " is back on system time, off by " + off);
    }
}
