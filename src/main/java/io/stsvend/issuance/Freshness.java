package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import java.time.Clock;
import java.time.Duration;

/**
 * The "still valid" rule: a cached token may be handed out only while at least {@code minRemaining} of its life is
 * left by {@code clock}, so the app has time to use it. A token below that margin is replaced, never served.
 */
record Freshness(Clock clock, Duration minRemaining) {

    boolean usable(TemporaryCredentials credentials) {
        return clock.instant().plus(minRemaining).isBefore(credentials.expiration());
    }
}
