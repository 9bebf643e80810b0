package io.stsvend.sts;

import io.smallrye.faulttolerance.api.RateLimitException;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;

/**
 * Turns the guard's own failures into catalogue errors with a Retry-After, so the port keeps its contract (only
 * {@code STS_*} codes): an open breaker or the total timeout → {@code sts-unavailable}; the global rate limit or a
 * full bulkhead → {@code sts-throttled}. Catalogue errors pass through unchanged; anything else stays as it is (and
 * becomes a 500 {@code internal}).
 */
final class GuardFailures {

    static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    private final Duration breakerDelay;

    GuardFailures(Duration breakerDelay) {
        this.breakerDelay = breakerDelay;
    }

    Throwable translate(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new CodedException(ErrorCode.STS_UNAVAILABLE, null, breakerDelay);
        }
        if (failure instanceof TimeoutException) {
            return new CodedException(ErrorCode.STS_UNAVAILABLE, null, StsErrorTranslator.UNAVAILABLE_RETRY_AFTER);
        }
        if (failure instanceof RateLimitException limited) {
            return new CodedException(ErrorCode.STS_THROTTLED, null,
                    Duration.ofMillis(Math.max(limited.getRetryAfterMillis(), 1)));
        }
        if (failure instanceof BulkheadException) {
            return new CodedException(ErrorCode.STS_THROTTLED, null, BULKHEAD_RETRY_AFTER);
        }
        return failure;
    }

    /** The guard's own refusal as a {@code stsvend.sts.assume-role.refused} reason; {@code null} for anything else. */
    static String refusalReason(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit-open";
        }
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        if (failure instanceof RateLimitException) {
            return "rate-limit";
        }
        return failure instanceof BulkheadException ? "bulkhead" : null;
    }

    Duration breakerDelay() {
        return breakerDelay;
    }
}
