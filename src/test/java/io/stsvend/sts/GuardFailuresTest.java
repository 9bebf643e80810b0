package io.stsvend.sts;

import io.smallrye.faulttolerance.api.RateLimitException;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard's own failures keep the port's contract: STS_* codes with a Retry-After. */
class GuardFailuresTest {

    final GuardFailures failures = new GuardFailures(Duration.ofSeconds(7));

    CodedException translated(Throwable failure) {
        return (CodedException) failures.translate(failure);
    }

    @Test
    void openBreakerIsUnavailableForTheBreakerDelay() {
        CodedException e = translated(new CircuitBreakerOpenException("open"));
        assertEquals(ErrorCode.STS_UNAVAILABLE, e.errorCode());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }

    @Test
    void totalTimeoutIsUnavailable() {
        CodedException e = translated(new TimeoutException("late"));
        assertEquals(ErrorCode.STS_UNAVAILABLE, e.errorCode());
        assertTrue(e.retryAfter().isPresent());
    }

    @Test
    void globalRateLimitIsThrottledForAsLongAsTheLimiterSays() {
        CodedException e = translated(new RateLimitException(2500));
        assertEquals(ErrorCode.STS_THROTTLED, e.errorCode());
        assertEquals(Optional.of(Duration.ofMillis(2500)), e.retryAfter());
    }

    @Test
    void fullBulkheadIsThrottled() {
        CodedException e = translated(new BulkheadException("full"));
        assertEquals(ErrorCode.STS_THROTTLED, e.errorCode());
        assertTrue(e.retryAfter().isPresent());
    }

    @Test
    void catalogueErrorsAndOthersPassThrough() {
        CodedException coded = new CodedException(ErrorCode.STS_MISCONFIGURED, null);
        assertSame(coded, failures.translate(coded));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, failures.translate(bug));
    }

    @Test
    void onlyThrottledAndUnavailableAreRetriedAndCountAgainstTheBreaker() {
        assertTrue(AssumeRoleGuard.isTransient(new CodedException(ErrorCode.STS_THROTTLED, null)));
        assertTrue(AssumeRoleGuard.isTransient(new CodedException(ErrorCode.STS_UNAVAILABLE, null)));
        assertFalse(AssumeRoleGuard.isTransient(new CodedException(ErrorCode.STS_MISCONFIGURED, null)));
        assertFalse(AssumeRoleGuard.isTransient(new CodedException(ErrorCode.STS_ERROR, null)));
        assertFalse(AssumeRoleGuard.isTransient(new BulkheadException("full")));
        assertFalse(AssumeRoleGuard.isTransient(new IllegalStateException("bug")));
    }
}
