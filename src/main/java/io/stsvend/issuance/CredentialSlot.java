package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The cache's value for one key: the current token (or the STS call in flight for it), and the background refresh
 * of that token, if one is running.
 *
 * <p>Atomicity: all state lives in one immutable {@link State} swapped with compare-and-set; no lock is held while
 * STS is called. Per slot, at most one issuance runs at a time: callers that find no usable token race for the CAS,
 * one wins and starts a {@code MISS}, the others join its future ({@code SHARED}). A {@link Freshness.State#STALE}
 * token is returned at once ({@code HIT}) and the first caller to see it starts a single {@code REFRESH}; callers
 * whose token expired while that refresh runs join it.
 *
 * <p>Failures are never cached: a failed {@code MISS} empties the slot before its failure is delivered. A failed
 * {@code REFRESH} keeps the current token and delays the next refresh ({@link Freshness#nextRefreshAfter}).
 */
final class CredentialSlot {

    /**
     * Starts one issuance for this slot ({@code kind} is {@code MISS} or {@code REFRESH}): a token with its refresh
     * point, which is the token's own (set where STS minted it), not this slot's.
     */
    interface Issue extends Function<CacheOutcome, CompletableFuture<Freshness.Held>> {
    }

    /** The outcome of one acquisition: the future to wait on and how it was obtained. */
    record Acquired(CompletableFuture<TemporaryCredentials> credentials, CacheOutcome outcome) {
    }

    private record State(CompletableFuture<Freshness.Held> token, CompletableFuture<Freshness.Held> refresh,
                         Instant refreshNotBefore, int refreshFailures) {
        static final State EMPTY = new State(null, null, Instant.MIN, 0);

        boolean mayRefresh(Instant now) {
            return refresh == null && !now.isBefore(refreshNotBefore);
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);

    Acquired acquire(Freshness freshness, Issue issue) {
        while (true) {
            State seen = state.get();
            CompletableFuture<Freshness.Held> token = seen.token();
            if (token != null && !token.isDone()) {
                return acquired(token, CacheOutcome.SHARED);
            }
            Freshness.State fresh = token == null || token.isCompletedExceptionally()
                    ? Freshness.State.EXPIRED : freshness.state(token.join());
            if (fresh == Freshness.State.STALE && seen.mayRefresh(freshness.now())) {
                startRefresh(seen, freshness, issue);
            }
            if (fresh != Freshness.State.EXPIRED) {
                return acquired(token, CacheOutcome.HIT);
            }
            if (seen.refresh() != null) {
                return acquired(seen.refresh(), CacheOutcome.SHARED);
            }
            CompletableFuture<Freshness.Held> mine = new CompletableFuture<>();
            State issuing = new State(mine, null, Instant.MIN, 0);
            if (state.compareAndSet(seen, issuing)) {
                start(issue, CacheOutcome.MISS).whenComplete((held, failure) -> {
                    if (failure != null) {
                        // Nothing else changes the state while this call is in flight (everyone joins it).
                        state.compareAndSet(issuing, State.EMPTY);
                        mine.completeExceptionally(failure);
                    } else {
                        mine.complete(held);
                    }
                });
                return acquired(mine, CacheOutcome.MISS);
            }
        }
    }

    /** Starts the refresh if this caller wins the CAS; a lost race means someone else changed the slot first. */
    private void startRefresh(State seen, Freshness freshness, Issue issue) {
        CompletableFuture<Freshness.Held> mine = new CompletableFuture<>();
        State refreshing = new State(seen.token(), mine, seen.refreshNotBefore(), seen.refreshFailures());
        if (!state.compareAndSet(seen, refreshing)) {
            return;
        }
        start(issue, CacheOutcome.REFRESH).whenComplete((held, failure) -> {
            // While a refresh runs nobody else replaces the state (expired callers join it), so one CAS suffices.
            if (failure != null) {
                int failures = refreshing.refreshFailures() + 1;
                state.compareAndSet(refreshing,
                        new State(refreshing.token(), null, freshness.nextRefreshAfter(failures), failures));
                mine.completeExceptionally(failure);
            } else {
                state.compareAndSet(refreshing, new State(CompletableFuture.completedFuture(held), null, Instant.MIN, 0));
                mine.complete(held);
            }
        });
    }

    private static Acquired acquired(CompletableFuture<Freshness.Held> token, CacheOutcome outcome) {
        return new Acquired(token.thenApply(Freshness.Held::credentials), outcome);
    }

    private static CompletableFuture<Freshness.Held> start(Issue issue, CacheOutcome kind) {
        try {
            return issue.apply(kind);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
