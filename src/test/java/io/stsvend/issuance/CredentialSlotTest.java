package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.Parallel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slot's state machine, with a clock the test moves and STS calls the test completes by hand. */
class CredentialSlotTest {

    final MutableClock clock = new MutableClock();
    final Freshness freshness = new Freshness(clock, Duration.ofMinutes(5), Optional.empty(), Duration.ofSeconds(30));
    final List<CacheOutcome> issued = new ArrayList<>();
    final List<CompletableFuture<TemporaryCredentials>> calls = new ArrayList<>();
    Instant start;

    @BeforeEach
    void freezeStart() {
        start = clock.instant();
    }

    /** An issuer whose calls stay pending until the test completes them. */
    CredentialSlot.Issue pending() {
        return pending(freshness);
    }

    /** The same, holding the tokens on {@code holding} (which sets their refresh point). */
    CredentialSlot.Issue pending(Freshness holding) {
        return kind -> {
            issued.add(kind);
            CompletableFuture<TemporaryCredentials> call = new CompletableFuture<>();
            calls.add(call);
            return call.thenApply(holding::hold);
        };
    }

    TemporaryCredentials token(String id, Duration life) {
        return new TemporaryCredentials(id, "secret", "token", clock.instant().plus(life), "req-" + id);
    }

    /** A slot holding token "A" that lives one hour from now. */
    CredentialSlot warm() {
        CredentialSlot slot = new CredentialSlot();
        slot.acquire(freshness, pending());
        calls.get(0).complete(token("A", Duration.ofHours(1)));
        issued.clear();
        calls.clear();
        return slot;
    }

    @Test
    void freshTokenIsReusedWithoutIssuing() {
        CredentialSlot slot = warm();
        CredentialSlot.Acquired again = slot.acquire(freshness, pending());
        assertEquals(CacheOutcome.HIT, again.outcome());
        assertEquals("A", again.credentials().join().accessKeyId());
        assertTrue(issued.isEmpty());
    }

    @Test
    void staleTokenIsServedAtOnceWhileOneRefreshRuns() {
        CredentialSlot slot = warm();
        clock.advance(Duration.ofMinutes(31));
        for (int i = 0; i < 50; i++) {
            CredentialSlot.Acquired served = slot.acquire(freshness, pending());
            assertEquals(CacheOutcome.HIT, served.outcome());
            assertTrue(served.credentials().isDone(), "a hot caller never waits for the refresh");
            assertEquals("A", served.credentials().join().accessKeyId());
        }
        assertEquals(List.of(CacheOutcome.REFRESH), issued);
        calls.get(0).complete(token("B", Duration.ofHours(1)));
        assertEquals("B", slot.acquire(freshness, pending()).credentials().join().accessKeyId());
        assertEquals(1, issued.size());
    }

    @Test
    void tokenIsFreshUntilTheMiddleOfItsLife() {
        CredentialSlot slot = warm();
        clock.advance(Duration.ofMinutes(29));
        slot.acquire(freshness, pending());
        assertTrue(issued.isEmpty());
        clock.advance(Duration.ofMinutes(1));
        slot.acquire(freshness, pending());
        assertEquals(List.of(CacheOutcome.REFRESH), issued);
    }

    @Test
    void configuredRefreshWindowDecidesWhenRefreshStarts() {
        Freshness tenMinutes = new Freshness(clock, Duration.ofMinutes(5), Optional.of(Duration.ofMinutes(10)),
                Duration.ofSeconds(30));
        CredentialSlot slot = new CredentialSlot();
        slot.acquire(tenMinutes, pending(tenMinutes));
        calls.get(0).complete(token("A", Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(49));
        slot.acquire(tenMinutes, pending(tenMinutes));
        assertEquals(List.of(CacheOutcome.MISS), issued);
        clock.advance(Duration.ofMinutes(1));
        slot.acquire(tenMinutes, pending(tenMinutes));
        assertEquals(List.of(CacheOutcome.MISS, CacheOutcome.REFRESH), issued);
    }

    @Test
    void failedRefreshKeepsTheTokenAndBacksOffBeforeTheNextOne() {
        CredentialSlot slot = warm();
        clock.advance(Duration.ofMinutes(31));
        slot.acquire(freshness, pending());
        calls.get(0).completeExceptionally(new IllegalStateException("sts down"));
        // Served on, and not refreshed again on every request...
        clock.advance(Duration.ofSeconds(29));
        CredentialSlot.Acquired served = slot.acquire(freshness, pending());
        assertEquals("A", served.credentials().join().accessKeyId());
        assertEquals(CacheOutcome.HIT, served.outcome());
        assertEquals(1, issued.size());
        // ...but once the back-off has passed.
        clock.advance(Duration.ofSeconds(1));
        slot.acquire(freshness, pending());
        assertEquals(2, issued.size());
        // A second failure doubles the wait.
        calls.get(1).completeExceptionally(new IllegalStateException("sts still down"));
        clock.advance(Duration.ofSeconds(59));
        slot.acquire(freshness, pending());
        assertEquals(2, issued.size());
        clock.advance(Duration.ofSeconds(1));
        slot.acquire(freshness, pending());
        assertEquals(3, issued.size());
    }

    @Test
    void callerWhoseTokenExpiredDuringTheRefreshJoinsIt() {
        CredentialSlot slot = warm();
        clock.advance(Duration.ofMinutes(54));
        slot.acquire(freshness, pending());
        clock.advance(Duration.ofMinutes(2));
        CredentialSlot.Acquired joined = slot.acquire(freshness, pending());
        assertEquals(CacheOutcome.SHARED, joined.outcome());
        assertFalse(joined.credentials().isDone());
        calls.get(0).complete(token("B", Duration.ofHours(1)));
        assertEquals("B", joined.credentials().join().accessKeyId());
        assertEquals(List.of(CacheOutcome.REFRESH), issued);
    }

    @Test
    void tokenWithLessThanMinRemainingIsReplaced() {
        CredentialSlot slot = warm();
        clock.advance(Duration.ofMinutes(55));
        CredentialSlot.Acquired next = slot.acquire(freshness, pending());
        assertEquals(CacheOutcome.MISS, next.outcome());
        calls.get(0).complete(token("B", Duration.ofHours(1)));
        assertEquals("B", next.credentials().join().accessKeyId());
    }

    @Test
    void failureIsNotCached() {
        CredentialSlot slot = new CredentialSlot();
        CredentialSlot.Acquired failed = slot.acquire(freshness,
                kind -> CompletableFuture.failedFuture(new IllegalStateException("sts down")));
        assertTrue(failed.credentials().isCompletedExceptionally());
        CredentialSlot.Acquired retried = slot.acquire(freshness,
                kind -> CompletableFuture.completedFuture(freshness.hold(token("A", Duration.ofHours(1)))));
        assertEquals(CacheOutcome.MISS, retried.outcome());
        assertEquals("A", retried.credentials().join().accessKeyId());
    }

    @Test
    void synchronousThrowFromIssuerDoesNotWedgeTheSlot() {
        CredentialSlot slot = new CredentialSlot();
        CredentialSlot.Acquired failed = slot.acquire(freshness, kind -> {
            throw new IllegalArgumentException("boom");
        });
        assertTrue(failed.credentials().isCompletedExceptionally());
        assertEquals(CacheOutcome.MISS, slot.acquire(freshness,
                kind -> CompletableFuture.completedFuture(freshness.hold(token("A", Duration.ofHours(1))))).outcome());
    }

    @Test
    void concurrentAcquirersShareOneIssuance() throws Exception {
        CredentialSlot slot = new CredentialSlot();
        AtomicInteger count = new AtomicInteger();
        CompletableFuture<TemporaryCredentials> sts = new CompletableFuture<>();
        List<CredentialSlot.Acquired> acquired = Parallel.run(50, i -> () -> slot.acquire(freshness, kind -> {
            count.incrementAndGet();
            return sts.thenApply(freshness::hold);
        }));
        sts.complete(token("A", Duration.ofHours(1)));
        assertEquals(1, count.get());
        assertEquals(1, acquired.stream().filter(a -> a.outcome() == CacheOutcome.MISS).count());
        // Equal, not the same object: the slot keeps the token packed, and each caller gets its own unpacked copy.
        for (CredentialSlot.Acquired a : acquired) {
            assertEquals(acquired.get(0).credentials().join(), a.credentials().join());
        }
    }
}
