package io.stsvend.issuance;

import io.stsvend.sharedcache.SharedToken;
import io.stsvend.sharedcache.TokenFreshness;
import io.stsvend.sts.TemporaryCredentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The "still valid" rule, on {@code clock}. A token is {@link State#FRESH} until its refresh point,
 * {@link State#STALE} (still served, refreshed in the background) from then on, and {@link State#EXPIRED} (never
 * served) once less than {@code minRemaining} of its life is left.
 *
 * <p>The refresh point is {@code expiration - refreshWindow}, or the middle of the token's remaining life when it
 * arrived if no window is configured, and never later than {@code expiration - minRemaining}. A failed refresh is
 * tried again after {@code refreshBackoff}, doubled per further failure up to three times (at most 8 ×
 * {@code refreshBackoff} between tries).
 */
record Freshness(Clock clock, Duration minRemaining, Optional<Duration> refreshWindow, Duration refreshBackoff) {

    enum State { FRESH, STALE, EXPIRED }

    private static final int MAX_BACKOFF_DOUBLINGS = 3;

    /** A token just obtained, with the instant its refresh is due. */
    Held hold(TemporaryCredentials credentials) {
        return new Held(credentials, refreshAt(credentials));
    }

    State state(Held held) {
        return state(held.expiration(), held.refreshAt());
    }

    private Instant refreshAt(TemporaryCredentials credentials) {
        Instant expiration = credentials.expiration();
        Duration window = refreshWindow.orElseGet(() -> Duration.between(clock.instant(), expiration).dividedBy(2));
        Instant refreshAt = expiration.minus(window);
        Instant latest = expiration.minus(minRemaining);
        return refreshAt.isAfter(latest) ? latest : refreshAt;
    }

    private State state(Instant expiration, Instant refreshAt) {
        Instant now = clock.instant();
        if (!now.plus(minRemaining).isBefore(expiration)) {
            return State.EXPIRED;
        }
        return now.isBefore(refreshAt) ? State.FRESH : State.STALE;
    }

    /** When the next refresh may start after {@code failures} failed ones in a row (1 or more). */
    Instant nextRefreshAfter(int failures) {
        int doublings = Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS);
        return clock.instant().plus(refreshBackoff.multipliedBy(1L << doublings));
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * This rule as the shared cache applies it to the tokens it finds and shares: on the credentials as they travel,
     * without packing them as the local cache keeps them.
     */
    TokenFreshness forSharedCache() {
        return new TokenFreshness() {
            @Override
            public SharedToken hold(TemporaryCredentials credentials) {
                return new SharedToken(credentials, refreshAt(credentials));
            }

            @Override
            public boolean fresh(SharedToken token) {
                return state(token.credentials().expiration(), token.refreshAt()) == State.FRESH;
            }

            @Override
            public Instant now() {
                return Freshness.this.now();
            }
        };
    }

    /**
     * A token and when its refresh is due, as the cache keeps it for one user: its strings packed in one array
     * ({@link PackedCredentials}) and both instants as numbers, so the freshness check reads no string and a hit
     * unpacks the credentials once, for its answer. Shows neither the secret nor the token in {@link #toString()}.
     */
    static final class Held {

        private final byte[] packed;
        private final long expirationSecond;
        private final long refreshAtSecond;
        private final int expirationNano;
        private final int refreshAtNano;

        Held(TemporaryCredentials credentials, Instant refreshAt) {
            this.packed = PackedCredentials.pack(credentials);
            this.expirationSecond = credentials.expiration().getEpochSecond();
            this.expirationNano = credentials.expiration().getNano();
            this.refreshAtSecond = refreshAt.getEpochSecond();
            this.refreshAtNano = refreshAt.getNano();
        }

        static Held of(SharedToken token) {
            return new Held(token.credentials(), token.refreshAt());
        }

        /** The credentials, unpacked afresh (each call builds new strings). */
        TemporaryCredentials credentials() {
            return PackedCredentials.unpack(packed, expiration());
        }

        /** When STS says the credentials stop working. */
        Instant expiration() {
            return Instant.ofEpochSecond(expirationSecond, expirationNano);
        }

        Instant refreshAt() {
            return Instant.ofEpochSecond(refreshAtSecond, refreshAtNano);
        }

        SharedToken shared() {
            return new SharedToken(credentials(), refreshAt());
        }

        @Override
        public String toString() {
            return "Held[expiration=" + expiration() + ", refreshAt=" + refreshAt() + "]";
        }
    }
}
