package io.stsvend.sharedcache;

import io.stsvend.sts.TemporaryCredentials;

import java.time.Instant;

/**
 * The caller's "still valid" rule, as {@link SharedFlight} needs it: when a token just minted is due for refresh, and
 * whether a token found in the store is still fresh enough to use instead of calling STS. Must not block.
 */
public interface TokenFreshness {

    /** A token just obtained from STS, with the instant its refresh is due. */
    SharedToken hold(TemporaryCredentials credentials);

    /** True if {@code token} may be handed out without a refresh. */
    boolean fresh(SharedToken token);

    /** Now, on the clock the rule reads. */
    Instant now();
}
