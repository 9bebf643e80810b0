package io.stsvend.sharedcache;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.stsvend.sts.TemporaryCredentials;
import io.stsvend.testing.StoppedClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backing off from an unavailable store, without Redis: a fake store that counts commands and can be switched to
 * fail or to hang, a clock the test moves, and an STS stand-in that counts its calls.
 */
class SharedFlightBackoffTest {

    static final Duration MIN_REMAINING = Duration.ofMinutes(5);

    static final Duration RETRY = Duration.ofSeconds(2);
    static final String KEYS = "k1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    enum Mode { WORKS, FAILS, HANGS }

    /** In-memory store; every command counts, whatever the mode. */
    static final class FakeStore implements SharedCredentialStore {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final AtomicInteger commands = new AtomicInteger();
        volatile Mode mode = Mode.WORKS;

        private <T> Uni<T> command(T answer) {
            commands.incrementAndGet();
            return switch (mode) {
                case WORKS -> Uni.createFrom().item(answer);
                case FAILS -> Uni.createFrom().failure(new IllegalStateException("connection refused"));
                case HANGS -> Uni.createFrom().nothing();
            };
        }

        @Override
        public Uni<Optional<String>> get(String key) {
            return command(Optional.ofNullable(values.get(key)));
        }

        @Override
        public Uni<Void> put(String key, String value, Duration ttl) {
            if (mode == Mode.WORKS) {
                values.put(key, value);
            }
            return command(null);
        }

        @Override
        public Uni<Boolean> tryLock(String key, String owner, Duration ttl) {
            return command(mode == Mode.WORKS && values.putIfAbsent(key, owner) == null);
        }

        @Override
        public Uni<Void> unlock(String key, String owner) {
            if (mode == Mode.WORKS) {
                values.remove(key, owner);
            }
            return command(null);
        }

        @Override
        public Uni<List<Optional<String>>> getAll(List<String> keys) {
            return command(keys.stream().map(key -> Optional.ofNullable(values.get(key))).toList());
        }

        @Override
        public Uni<Long> advance(String key, long atLeast, Duration ttl) {
            long next = mode == Mode.WORKS ? Long.parseLong(values.merge(key, Long.toString(Math.max(1, atLeast)),
                    (old, floor) -> Long.toString(Math.max(Long.parseLong(old) + 1, Long.parseLong(floor))))) : 0;
            return command(next);
        }

        @Override
        public Uni<Boolean> delete(String key) {
            return command(mode == Mode.WORKS && values.remove(key) != null);
        }
    }

    record Config(boolean enabled, Optional<List<String>> keys, Duration lockTtl, Duration pollInterval,
                  Duration operationTimeout, Duration retryInterval) implements SharedCacheConfig {
    }

    final StoppedClock clock = StoppedClock.now();
    /** Issuance's rule with a 5-minute minimum and no refresh window: refresh half-way through a token's life. */
    final TokenFreshness freshness = new TokenFreshness() {
        @Override
        public SharedToken hold(TemporaryCredentials credentials) {
            Instant expiration = credentials.expiration();
            Instant halfway = expiration.minus(Duration.between(clock.instant(), expiration).dividedBy(2));
            Instant latest = expiration.minus(MIN_REMAINING);
            return new SharedToken(credentials, halfway.isAfter(latest) ? latest : halfway);
        }

        @Override
        public boolean fresh(SharedToken token) {
            Instant now = clock.instant();
            return now.plus(MIN_REMAINING).isBefore(token.credentials().expiration()) && now.isBefore(token.refreshAt());
        }

        @Override
        public Instant now() {
            return clock.instant();
        }
    };
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final FakeStore store = new FakeStore();
    // A short operation timeout: the hanging store's probes wait for it in real time.
    final SharedFlight flight = new SharedFlight(store, new Config(true, Optional.of(List.of(KEYS)),
            Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(20), RETRY), registry, clock);
    final AtomicInteger stsCalls = new AtomicInteger();

    /** Starts a local miss for {@code user}; the STS stand-in answers with a token named after its call. */
    CompletableFuture<TemporaryCredentials> start(String user) {
        return flight.obtain(new SharedKey(user, "fp", "acs:ram::1:role/app", 0), freshness, () -> {
            int n = stsCalls.incrementAndGet();
            return CompletableFuture.completedFuture(new TemporaryCredentials("STS.call-" + n, "secret", "token",
                    clock.instant().plus(Duration.ofHours(1)), "req-" + n));
        }).thenApply(SharedToken::credentials);
    }

    TemporaryCredentials miss(String user) throws Exception {
        return start(user).get(5, TimeUnit.SECONDS);
    }

    double lookups(String outcome) {
        return registry.counter(SharedFlight.LOOKUPS, "outcome", outcome).count();
    }

    @Test
    void afterAFailureMissesWithinTheIntervalSendNoCommandsAndStillGetStsTokens() throws Exception {
        store.mode = Mode.FAILS;
        assertEquals("STS.call-1", miss("u0").accessKeyId());
        assertEquals(1, store.commands.get());
        assertTrue(flight.degraded());

        clock.advance(RETRY.minusMillis(1));
        for (int i = 1; i <= 4; i++) {
            assertEquals("STS.call-" + (i + 1), miss("u" + i).accessKeyId());
        }
        assertEquals(1, store.commands.get(), "no command while backing off");
        assertEquals(4, lookups("skipped"));
        assertTrue(flight.degraded());
    }

    @Test
    void afterTheIntervalTheNextMissProbesAndASuccessEndsTheDegradedState() throws Exception {
        store.mode = Mode.FAILS;
        miss("u0");
        store.mode = Mode.WORKS;
        miss("u1");
        assertEquals(1, store.commands.get(), "Redis answering again is not noticed before the interval");

        clock.advance(RETRY);
        miss("u2");
        assertTrue(store.commands.get() > 1, "the miss after the interval consults the store");
        assertFalse(flight.degraded());

        // Sharing is back: a value stored by the probe is read by the next miss for that key, without STS.
        int calls = stsCalls.get();
        assertEquals("STS.call-" + calls, miss("u2").accessKeyId());
        assertEquals(calls, stsCalls.get());
    }

    @Test
    void aHangingStoreCostsOneTimeoutPerIntervalNotPerMiss() throws Exception {
        store.mode = Mode.HANGS;
        for (int i = 0; i < 5; i++) {
            miss("u" + i);
        }
        assertEquals(1, store.commands.get());

        clock.advance(RETRY);
        // Concurrent misses after the interval: one probes, the others skip while the probe hangs (or has failed).
        List<CompletableFuture<TemporaryCredentials>> misses = new ArrayList<>();
        for (int i = 5; i < 10; i++) {
            misses.add(start("u" + i));
        }
        for (CompletableFuture<TemporaryCredentials> m : misses) {
            m.get(5, TimeUnit.SECONDS);
        }
        assertEquals(2, store.commands.get());
        assertEquals(10, stsCalls.get(), "every miss got an STS token");
        assertEquals(8, lookups("skipped"));
        assertTrue(flight.degraded());
    }

    @Test
    void whileTheStoreWorksNothingIsSkipped() throws Exception {
        for (int i = 0; i < 5; i++) {
            miss("u" + i);
            miss("u" + i);
        }
        assertEquals(0, lookups("skipped"));
        assertEquals(5, lookups("hit"), "each second miss is served from the store");
        assertEquals(5, stsCalls.get());
        assertFalse(flight.degraded());
    }
}
