package io.stsvend.sts;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The AssumeRole circuit breaker, with the semantics of SmallRye Fault Tolerance's breaker but measuring its open
 * delay on an injected {@link Clock} (so tests move time instead of waiting for it):
 * <ul>
 *   <li>CLOSED: the results of the last {@code requestVolumeThreshold} tries form a rolling window; once the window
 *       is full and at least {@code ceil(failureRatio × threshold)} of them failed, the breaker opens;</li>
 *   <li>OPEN: every call is refused until {@code delay} has passed on the clock since it opened; then HALF_OPEN;</li>
 *   <li>HALF_OPEN: up to {@code successThreshold} trial calls go through; one failed trial opens it again, that many
 *       successful ones close it (with an empty window).</li>
 * </ul>
 * A result counts against the breaker only in the state it was admitted in: a late answer from before a state
 * change is ignored. Thread-safe; the state changes are short and never wait on I/O (never held across async work).
 */
final class AssumeRoleBreaker {

    /** Admission to one try; {@link #record} reports its result. */
    record Permit(long generation) {
    }

    private final Clock clock;
    private final Duration delay;
    private final int successThreshold;
    private final int failureThreshold;
    private final boolean[] window;
    private final Consumer<CircuitBreakerState> onStateChange;

    private CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private long generation;
    private Instant openedAt = Instant.MIN;
    private int recorded;
    private int failures;
    private int trials;
    private int trialSuccesses;

    AssumeRoleBreaker(ResilienceConfig.CircuitBreaker config, Clock clock, Consumer<CircuitBreakerState> onStateChange) {
        this.clock = clock;
        this.delay = config.delay();
        this.successThreshold = config.successThreshold();
        this.window = new boolean[config.requestVolumeThreshold()];
        this.failureThreshold = (int) Math.ceil(config.failureRatio() * window.length);
        this.onStateChange = onStateChange;
    }

    /** A permit for one try, or {@code null} when the breaker refuses it (open, or all trials already out). */
    synchronized Permit tryAcquire() {
        return switch (current()) {
            case CLOSED -> new Permit(generation);
            case HALF_OPEN -> trials < successThreshold ? admitTrial() : null;
            default -> null;
        };
    }

    /** Records the result of a try admitted with {@code permit}; {@code failed} for a transient STS failure. */
    synchronized void record(Permit permit, boolean failed) {
        if (permit.generation() != generation) {
            return;
        }
        if (state == CircuitBreakerState.CLOSED) {
            recordInWindow(failed);
        } else if (failed) {
            moveTo(CircuitBreakerState.OPEN);
        } else if (++trialSuccesses >= successThreshold) {
            moveTo(CircuitBreakerState.CLOSED);
        }
    }

    /** The current state, read without side effects on the window (an elapsed open delay reads as half-open). */
    synchronized CircuitBreakerState state() {
        return current();
    }

    /** Back to closed with an empty window, as after a restart. */
    synchronized void reset() {
        moveTo(CircuitBreakerState.CLOSED);
    }

    private Permit admitTrial() {
        trials++;
        return new Permit(generation);
    }

    private void recordInWindow(boolean failed) {
        int slot = recorded % window.length;
        if (recorded >= window.length && window[slot]) {
            failures--;
        }
        window[slot] = failed;
        recorded++;
        if (failed) {
            failures++;
        }
        if (recorded >= window.length && failures >= failureThreshold) {
            moveTo(CircuitBreakerState.OPEN);
        }
    }

    private CircuitBreakerState current() {
        if (state == CircuitBreakerState.OPEN && !clock.instant().isBefore(openedAt.plus(delay))) {
            moveTo(CircuitBreakerState.HALF_OPEN);
        }
        return state;
    }

    private void moveTo(CircuitBreakerState next) {
        boolean changed = state != next;
        state = next;
        generation++;
        recorded = 0;
        failures = 0;
        trials = 0;
        trialSuccesses = 0;
        openedAt = next == CircuitBreakerState.OPEN ? clock.instant() : Instant.MIN;
        if (changed) {
            onStateChange.accept(next);
        }
    }
}
