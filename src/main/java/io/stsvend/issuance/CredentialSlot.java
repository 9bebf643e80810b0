package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The cache's value for one key: the current token, or the STS call in flight for it.
 *
 * <p>Atomicity: {@link #acquire} starts at most one issuance at a time per slot, with a compare-and-set on the current
 * future: concurrent callers that find no usable token race for the CAS, one wins and calls STS, the others join its
 * future. No lock is held while STS is called. A failed issuance is removed before its failure is delivered, so the
 * next caller tries again: failures are never cached.
 */
final class CredentialSlot {

    private final AtomicReference<CompletableFuture<TemporaryCredentials>> current = new AtomicReference<>();

    /** The outcome of one acquisition: the future to wait on and how it was obtained. */
    record Acquired(CompletableFuture<TemporaryCredentials> credentials, CacheOutcome outcome) {
    }

    Acquired acquire(Freshness freshness, Supplier<CompletableFuture<TemporaryCredentials>> issue) {
        while (true) {
            CompletableFuture<TemporaryCredentials> seen = current.get();
            if (seen != null && !seen.isDone()) {
                return new Acquired(seen, CacheOutcome.SHARED);
            }
            if (seen != null && !seen.isCompletedExceptionally() && freshness.usable(seen.getNow(null))) {
                return new Acquired(seen, CacheOutcome.HIT);
            }
            CompletableFuture<TemporaryCredentials> mine = new CompletableFuture<>();
            if (current.compareAndSet(seen, mine)) {
                start(issue).whenComplete((credentials, failure) -> {
                    if (failure != null) {
                        current.compareAndSet(mine, null);
                        mine.completeExceptionally(failure);
                    } else {
                        mine.complete(credentials);
                    }
                });
                return new Acquired(mine, CacheOutcome.MISS);
            }
        }
    }

    private static CompletableFuture<TemporaryCredentials> start(Supplier<CompletableFuture<TemporaryCredentials>> issue) {
        try {
            return issue.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
