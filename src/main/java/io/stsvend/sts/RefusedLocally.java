package io.stsvend.sts;

import io.stsvend.error.CodedException;

/**
 * An AssumeRole the guard refused before any try was sent to STS (global rate limit, full bulkhead, open circuit
 * breaker, or the total timeout while still waiting): the same catalogue error as the guard's refusal, marked so
 * callers can tell that STS was never asked — e.g. so a user's miss budget is not spent on it.
 */
public final class RefusedLocally extends CodedException {

    RefusedLocally(CodedException refusal) {
        super(refusal.errorCode(), refusal.detail().orElse(null), refusal.retryAfter().orElse(null));
    }
}
