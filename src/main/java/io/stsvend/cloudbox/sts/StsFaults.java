package io.stsvend.cloudbox.sts;

import java.time.Duration;
import java.util.Optional;

/**
 * Test controls of an {@link StsEmulator}: slow every response down, or answer calls with an injected error
 * instead of running them. Injected errors apply to requests that passed signature verification, just before the
 * operation runs (so they are counted as calls). A response delay never blocks: the emulator holds the finished
 * response back with a Vert.x timer.
 *
 * <p>Thread-safe; settings take effect for requests processed after the call returns.
 */
public final class StsFaults {

    /**
     * An error to answer with.
     *
     * @param status  HTTP status; 5xx surfaces in the Java SDK as {@code ServerException}, others as
     *                {@code ClientException} whose {@code getErrCode()} is {@code code}
     * @param code    Alibaba error code, e.g. {@code Throttling.User}
     * @param message error message
     */
    public record InjectedError(int status, String code, String message) {

        /** 400 {@code Throttling.User}, STS's answer to exceeding the per-account request quota. */
        public static InjectedError throttling() {
            return new InjectedError(400, "Throttling.User", "Request was denied due to user flow control.");
        }

        /** 503 {@code ServiceUnavailable}, a temporary server-side failure. */
        public static InjectedError serviceUnavailable() {
            return new InjectedError(503, "ServiceUnavailable",
                    "The request has failed due to a temporary failure of the server.");
        }

        StsRejection toRejection() {
            return new StsRejection(status, code, message);
        }
    }

    private Duration responseDelay = Duration.ZERO;
    private InjectedError failAll;
    private InjectedError failNextAssumeRole;
    private int remainingAssumeRoleFailures;
    private long delayedResponses;

    /** Holds every response back by {@code delay} (zero turns delaying off). */
    public synchronized void delayResponses(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.responseDelay = delay;
    }

    /** Answers the next {@code count} AssumeRole calls with {@code error}. */
    public synchronized void failNextAssumeRoleCalls(int count, InjectedError error) {
        this.failNextAssumeRole = error;
        this.remainingAssumeRoleFailures = count;
    }

    /** Answers every call, of any operation, with {@code error} until {@link #reset()}. */
    public synchronized void failAllCalls(InjectedError error) {
        this.failAll = error;
    }

    /** Back to normal service: no delay, no injected errors. The delayed-response count is kept. */
    public synchronized void reset() {
        responseDelay = Duration.ZERO;
        failAll = null;
        failNextAssumeRole = null;
        remainingAssumeRoleFailures = 0;
    }

    /** How many responses so far were held back by a delay. */
    public synchronized long delayedResponses() {
        return delayedResponses;
    }

    synchronized Duration responseDelay() {
        return responseDelay;
    }

    synchronized void recordDelayedResponse() {
        delayedResponses++;
    }

    /** The error to inject into this call, if any; consumes one of the "next N AssumeRole" failures. */
    synchronized Optional<InjectedError> takeFailure(boolean assumeRole) {
        if (failAll != null) {
            return Optional.of(failAll);
        }
        if (assumeRole && remainingAssumeRoleFailures > 0) {
            remainingAssumeRoleFailures--;
            return Optional.of(failNextAssumeRole);
        }
        return Optional.empty();
    }
}
