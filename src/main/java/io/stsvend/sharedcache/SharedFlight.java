package io.stsvend.sharedcache;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.stsvend.sts.TemporaryCredentials;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Cross-replica single flight for one key, on the {@link SharedCredentialStore}: read the shared value; if there is
 * none, take the key's lock ({@code SET NX PX lock-ttl}) and call STS, then store the encrypted result for the
 * token's remaining validity; a replica that loses the lock polls for the value and retakes the lock once it is
 * released or expired (its holder failed or died). After two lock lifetimes without a value it calls STS itself.
 *
 * <p>The store never fails a request: each command is bounded by {@code operation-timeout}, and any failure makes
 * this replica call STS on its own ({@link #degraded()} until a command succeeds again). After a failure it sends no
 * commands at all for {@code retry-interval} ({@link StoreAvailability}): lookups then count as {@code skipped}, and
 * the first miss after the interval probes the store again. Non-blocking throughout: waits are Mutiny delays, never
 * sleeps. Runs STS calls through the supplier it is given, at most once per {@link #obtain}.
 */
public final class SharedFlight {

    static final String LOOKUPS = "stsvend.shared-cache.lookups";

    private enum Found { VALUE, ABSENT, UNAVAILABLE }

    private record Lookup(Found found, SharedToken held) {
    }

    private final SharedCredentialStore store;
    private final SharedCacheConfig config;
    private final CredentialSealer sealer;
    private final MeterRegistry registry;
    private final StoreAvailability availability;

    public SharedFlight(SharedCredentialStore store, SharedCacheConfig config, MeterRegistry registry, Clock clock) {
        this.store = store;
        this.config = config;
        this.registry = registry;
        this.availability = new StoreAvailability(clock, config.retryInterval());
        this.sealer = store.enabled() ? new CredentialSealer(config.keys().orElseThrow()) : null;
    }

    /** True when a shared store is configured; otherwise {@link #obtain} always runs its STS call. */
    public boolean enabled() {
        return store.enabled();
    }

    /**
     * The subjects' revocation records on the same store, names and availability: a Redis that failed a lookup is
     * not asked for a standing either until the retry interval has passed, and the other way round.
     */
    public SubjectRecords subjectRecords(Clock clock) {
        // A failed standing read is a lookup the store did not answer, like a failed credential lookup: it counts
        // as unavailable, so the degraded-sharing alert sees it even when it is the first command to fail.
        return new SubjectRecords(store, sealer, availability, config.operationTimeout(), clock,
                () -> count("unavailable"));
    }

    /** True while the last store command failed: this replica then caches on its own. */
    public boolean degraded() {
        return availability.degraded();
    }

    /**
     * The key's token with its refresh point: a fresh one from the store (refresh point as set where STS minted it,
     * so a refresh is never answered with the token it replaces), or the result of {@code sts}, held on
     * {@code freshness} and shared.
     */
    public CompletableFuture<SharedToken> obtain(SharedKey key, TokenFreshness freshness,
                                                 Supplier<CompletableFuture<TemporaryCredentials>> sts) {
        Supplier<CompletableFuture<SharedToken>> call = () -> sts.get().thenApply(freshness::hold);
        if (!store.enabled()) {
            return call.get();
        }
        String index = sealer.index(key);
        long deadline = System.nanoTime() + config.lockTtl().multipliedBy(2).toNanos();
        return attempt(index, freshness, call, deadline).subscribeAsCompletionStage();
    }

    private Uni<SharedToken> attempt(String index, TokenFreshness freshness,
                                     Supplier<CompletableFuture<SharedToken>> call, long deadline) {
        if (!availability.tryUse()) {
            count("skipped");
            return Uni.createFrom().completionStage(call);
        }
        return read(index, freshness).chain(lookup -> switch (lookup.found()) {
            case VALUE -> Uni.createFrom().item(lookup.held());
            case UNAVAILABLE -> Uni.createFrom().completionStage(call);
            case ABSENT -> lockOrWait(index, freshness, call, deadline);
        });
    }

    private Uni<SharedToken> lockOrWait(String index, TokenFreshness freshness,
                                        Supplier<CompletableFuture<SharedToken>> call, long deadline) {
        String owner = UUID.randomUUID().toString();
        return bounded(store.tryLock(index + ":lock", owner, config.lockTtl())).onItemOrFailure().transformToUni(
                (won, failure) -> {
                    if (failure != null) {
                        return Uni.createFrom().completionStage(call);
                    }
                    if (won) {
                        return recheckThenCall(index, owner, freshness, call);
                    }
                    if (System.nanoTime() > deadline) {
                        return callAndShare(index, owner, false, freshness, call);
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(config.pollInterval())
                            .chain(() -> attempt(index, freshness, call, deadline));
                });
    }

    /**
     * Double check after winning the lock: the previous holder may have stored its value and released the lock
     * between our last read and our lock, and calling STS again then would make a second call for the key.
     */
    private Uni<SharedToken> recheckThenCall(String index, String owner, TokenFreshness freshness,
                                             Supplier<CompletableFuture<SharedToken>> call) {
        return read(index, freshness).chain(lookup -> lookup.found() != Found.VALUE
                ? callAndShare(index, owner, true, freshness, call)
                : bounded(store.unlock(index + ":lock", owner)).onFailure().recoverWithNull()
                        .replaceWith(lookup.held()));
    }

    private Uni<SharedToken> callAndShare(String index, String owner, boolean locked, TokenFreshness freshness,
                                          Supplier<CompletableFuture<SharedToken>> call) {
        return Uni.createFrom().completionStage(call).onItemOrFailure().call((held, failure) -> {
            Uni<Void> shared = failure != null ? Uni.createFrom().voidItem()
                    : bounded(store.put(index, sealer.seal(index, held), ttl(held.credentials(), freshness)));
            // Unlock even after a failed call, so the waiting replicas retake the lock at once.
            Uni<Void> released = locked ? shared.onFailure().recoverWithNull()
                    .chain(() -> bounded(store.unlock(index + ":lock", owner))) : shared;
            return released.onFailure().recoverWithNull();
        });
    }

    private Uni<Lookup> read(String index, TokenFreshness freshness) {
        return bounded(store.get(index)).map(value -> {
            Optional<SharedToken> held = value.flatMap(v -> sealer.open(index, v));
            if (value.isPresent() && held.isEmpty()) {
                count("undecryptable");
            }
            boolean usable = held.isPresent() && freshness.fresh(held.get());
            count(usable ? "hit" : "absent");
            return usable ? new Lookup(Found.VALUE, held.get()) : new Lookup(Found.ABSENT, null);
        }).onFailure().recoverWithItem(() -> {
            count("unavailable");
            return new Lookup(Found.UNAVAILABLE, null);
        });
    }

    /** Redis TTL: the token's remaining validity on the issuer's clock, at least 1 ms. */
    private static Duration ttl(TemporaryCredentials credentials, TokenFreshness freshness) {
        Duration left = Duration.between(freshness.now(), credentials.expiration());
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }

    /** One store command, bounded by {@code operation-timeout}; its result updates {@link #availability}. */
    private <T> Uni<T> bounded(Uni<T> command) {
        return command.ifNoItem().after(config.operationTimeout()).fail()
                .invoke(availability::succeeded)
                .onFailure().invoke(availability::failed);
    }

    private void count(String outcome) {
        registry.counter(LOOKUPS, "outcome", outcome).increment();
    }
}
