package io.stsvend.issuance;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.stsvend.sts.TemporaryCredentials;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Cross-replica single flight for one key, on the {@link SharedCredentialStore}: read the shared value; if there is
 * none, take the key's lock ({@code SET NX PX lock-ttl}) and call STS, then store the encrypted result for the
 * token's remaining validity; a replica that loses the lock polls for the value and retakes the lock once it is
 * released or expired (its holder failed or died). After two lock lifetimes without a value it calls STS itself.
 *
 * <p>The store never fails a request: each command is bounded by {@code operation-timeout}, and any failure makes
 * this replica call STS on its own ({@link #degraded()} until a command succeeds again). Non-blocking throughout:
 * waits are Mutiny delays, never sleeps. Runs STS calls through the supplier it is given, at most once per
 * {@link #obtain}.
 */
final class SharedFlight {

    private static final Logger LOG = Logger.getLogger(SharedFlight.class);
    static final String LOOKUPS = "stsvend.shared-cache.lookups";

    private enum Found { VALUE, ABSENT, UNAVAILABLE }

    private record Lookup(Found found, TemporaryCredentials credentials) {
    }

    private final SharedCredentialStore store;
    private final SharedCacheConfig config;
    private final CredentialSealer sealer;
    private final MeterRegistry registry;
    private final AtomicBoolean degraded = new AtomicBoolean();

    SharedFlight(SharedCredentialStore store, SharedCacheConfig config, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.registry = registry;
        this.sealer = store.enabled() ? new CredentialSealer(config.keys().orElseThrow()) : null;
    }

    boolean enabled() {
        return store.enabled();
    }

    /** True while the last store command failed: this replica then caches on its own. */
    boolean degraded() {
        return degraded.get();
    }

    CompletableFuture<TemporaryCredentials> obtain(CredentialKey key, Freshness freshness,
                                                   Supplier<CompletableFuture<TemporaryCredentials>> call) {
        if (!store.enabled()) {
            return call.get();
        }
        String index = sealer.index(key);
        long deadline = System.nanoTime() + config.lockTtl().multipliedBy(2).toNanos();
        return attempt(index, freshness, call, deadline).subscribeAsCompletionStage();
    }

    private Uni<TemporaryCredentials> attempt(String index, Freshness freshness,
                                              Supplier<CompletableFuture<TemporaryCredentials>> call, long deadline) {
        return read(index, freshness).chain(lookup -> switch (lookup.found()) {
            case VALUE -> Uni.createFrom().item(lookup.credentials());
            case UNAVAILABLE -> Uni.createFrom().completionStage(call);
            case ABSENT -> lockOrWait(index, freshness, call, deadline);
        });
    }

    private Uni<TemporaryCredentials> lockOrWait(String index, Freshness freshness,
                                                 Supplier<CompletableFuture<TemporaryCredentials>> call, long deadline) {
        String owner = UUID.randomUUID().toString();
        return bounded(store.tryLock(index + ":lock", owner, config.lockTtl())).onItemOrFailure().transformToUni(
                (won, failure) -> {
                    if (failure != null) {
                        unavailable(failure);
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
    private Uni<TemporaryCredentials> recheckThenCall(String index, String owner, Freshness freshness,
                                                     Supplier<CompletableFuture<TemporaryCredentials>> call) {
        return read(index, freshness).chain(lookup -> lookup.found() != Found.VALUE
                ? callAndShare(index, owner, true, freshness, call)
                : bounded(store.unlock(index + ":lock", owner)).onFailure().recoverWithNull()
                        .replaceWith(lookup.credentials()));
    }

    private Uni<TemporaryCredentials> callAndShare(String index, String owner, boolean locked, Freshness freshness,
                                                   Supplier<CompletableFuture<TemporaryCredentials>> call) {
        return Uni.createFrom().completionStage(call).onItemOrFailure().call((credentials, failure) -> {
            Uni<Void> shared = failure != null ? Uni.createFrom().voidItem()
                    : bounded(store.put(index, sealer.seal(index, credentials), ttl(credentials, freshness)));
            // Unlock even after a failed call, so the waiting replicas retake the lock at once.
            Uni<Void> released = locked ? shared.onFailure().recoverWithNull()
                    .chain(() -> bounded(store.unlock(index + ":lock", owner))) : shared;
            return released.onFailure().invoke(this::unavailable).onFailure().recoverWithNull();
        });
    }

    private Uni<Lookup> read(String index, Freshness freshness) {
        return bounded(store.get(index)).map(value -> {
            Optional<TemporaryCredentials> credentials = value.flatMap(v -> sealer.open(index, v));
            if (value.isPresent() && credentials.isEmpty()) {
                count("undecryptable");
            }
            boolean usable = credentials.isPresent()
                    && freshness.state(freshness.hold(credentials.get())) == Freshness.State.FRESH;
            count(usable ? "hit" : "absent");
            return usable ? new Lookup(Found.VALUE, credentials.get()) : new Lookup(Found.ABSENT, null);
        }).onFailure().recoverWithItem(failure -> {
            unavailable(failure);
            count("unavailable");
            return new Lookup(Found.UNAVAILABLE, null);
        });
    }

    /** Redis TTL: the token's remaining validity on the issuer's clock, at least 1 ms. */
    private static Duration ttl(TemporaryCredentials credentials, Freshness freshness) {
        Duration left = Duration.between(freshness.now(), credentials.expiration());
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }

    private <T> Uni<T> bounded(Uni<T> command) {
        return command.ifNoItem().after(config.operationTimeout()).fail()
                .invoke(() -> recovered());
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.info("Shared credential cache reachable again; sharing tokens across replicas");
        }
    }

    private void unavailable(Throwable failure) {
        if (degraded.compareAndSet(false, true)) {
            // The failure's class only: its message may quote the command, and with it a sealed value.
            LOG.warnf("Shared credential cache unavailable (%s); caching per replica until it answers again",
                    failure.getClass().getSimpleName());
        }
    }

    private void count(String outcome) {
        registry.counter(LOOKUPS, "outcome", outcome).increment();
    }
}
