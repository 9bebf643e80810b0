package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmarks' window on the cache's package-private types: builds the exact key and slot objects that
 * {@link CredentialIssuer} puts in {@code sts-credentials}, and runs the hot lookup on them. Test code only: if these
 * types change, this stops compiling, so the benchmark cannot silently measure something else.
 */
public final class CachedEntries {

    private static final Freshness FRESHNESS = new Freshness(Clock.systemUTC(), Duration.ofMinutes(5),
            Optional.empty(), Duration.ofSeconds(30));

    private CachedEntries() {
    }

    /** A cache key as the issuer builds it. */
    public static Object key(String subject, String policyFingerprint, String roleArn) {
        return new CredentialKey(subject, policyFingerprint, roleArn);
    }

    /** A slot holding {@code credentials}, as after one successful AssumeRole. */
    public static Object filledSlot(TemporaryCredentials credentials) {
        CredentialSlot slot = new CredentialSlot();
        slot.acquire(FRESHNESS, kind -> CompletableFuture.completedFuture(FRESHNESS.hold(credentials)));
        return slot;
    }

    /** The hot path's use of a slot: the cached future, or null if the slot would call STS (not a hit). */
    public static CompletableFuture<TemporaryCredentials> hit(Object slot) {
        CredentialSlot.Acquired acquired = ((CredentialSlot) slot).acquire(FRESHNESS,
                kind -> CompletableFuture.failedFuture(new IllegalStateException("not a hit")));
        return acquired.outcome() == CacheOutcome.HIT ? acquired.credentials() : null;
    }
}
