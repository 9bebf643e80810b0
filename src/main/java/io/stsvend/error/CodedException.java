package io.stsvend.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that carries its {@link ErrorCode}, an optional safe detail sentence and an optional retry hint. The
 * message is the catalogue code plus the detail: it is safe to log and never contains secrets or upstream text.
 *
 * <p>Stack traces are not filled in: these are expected outcomes, not bugs, and the mapper never prints them.
 */
public class CodedException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String detail;
    private final Duration retryAfter;

    public CodedException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, null);
    }

    public CodedException(ErrorCode errorCode, String detail, Duration retryAfter) {
        super(errorCode.code() + (detail == null ? "" : ": " + detail), null, false, false);
        this.errorCode = errorCode;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** A sentence safe to show the caller, or empty to show only the catalogue title. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** How long the caller should wait before retrying, when the failure is transient. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
