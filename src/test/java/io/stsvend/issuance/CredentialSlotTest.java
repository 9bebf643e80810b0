package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialSlotTest {

    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    final Freshness freshness = new Freshness(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    static TemporaryCredentials expiringIn(Duration d) {
        return new TemporaryCredentials("STS.id", "secret", "token", NOW.plus(d), "req");
    }

    @Test
    void freshTokenIsReusedWithoutIssuing() {
        CredentialSlot slot = new CredentialSlot();
        AtomicInteger calls = new AtomicInteger();
        slot.acquire(freshness, () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(expiringIn(Duration.ofHours(1)));
        });
        CredentialSlot.Acquired second = slot.acquire(freshness, () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(expiringIn(Duration.ofHours(1)));
        });
        assertEquals(1, calls.get());
        assertEquals(CacheOutcome.HIT, second.outcome());
    }

    @Test
    void tokenWithLessThanMinRemainingIsReplaced() {
        CredentialSlot slot = new CredentialSlot();
        slot.acquire(freshness, () -> CompletableFuture.completedFuture(expiringIn(Duration.ofMinutes(5))));
        CredentialSlot.Acquired next = slot.acquire(freshness,
                () -> CompletableFuture.completedFuture(expiringIn(Duration.ofHours(1))));
        assertEquals(CacheOutcome.MISS, next.outcome());
        assertEquals(NOW.plus(Duration.ofHours(1)), next.credentials().join().expiration());
    }

    @Test
    void failureIsNotCached() {
        CredentialSlot slot = new CredentialSlot();
        CredentialSlot.Acquired failed = slot.acquire(freshness,
                () -> CompletableFuture.failedFuture(new IllegalStateException("sts down")));
        assertTrue(failed.credentials().isCompletedExceptionally());
        CredentialSlot.Acquired retried = slot.acquire(freshness,
                () -> CompletableFuture.completedFuture(expiringIn(Duration.ofHours(1))));
        assertEquals(CacheOutcome.MISS, retried.outcome());
        assertEquals("STS.id", retried.credentials().join().accessKeyId());
    }

    @Test
    void synchronousThrowFromIssuerDoesNotWedgeTheSlot() {
        CredentialSlot slot = new CredentialSlot();
        CredentialSlot.Acquired failed = slot.acquire(freshness, () -> {
            throw new IllegalArgumentException("boom");
        });
        assertTrue(failed.credentials().isCompletedExceptionally());
        assertEquals(CacheOutcome.MISS, slot.acquire(freshness,
                () -> CompletableFuture.completedFuture(expiringIn(Duration.ofHours(1)))).outcome());
    }

    @Test
    void concurrentAcquirersShareOneIssuance() throws Exception {
        CredentialSlot slot = new CredentialSlot();
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<TemporaryCredentials> sts = new CompletableFuture<>();
        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CredentialSlot.Acquired>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return slot.acquire(freshness, () -> {
                        calls.incrementAndGet();
                        return sts;
                    });
                }));
            }
            start.countDown();
            List<CredentialSlot.Acquired> acquired = new ArrayList<>();
            for (Future<CredentialSlot.Acquired> r : results) {
                acquired.add(r.get());
            }
            sts.complete(expiringIn(Duration.ofHours(1)));
            assertEquals(1, calls.get());
            assertEquals(1, acquired.stream().filter(a -> a.outcome() == CacheOutcome.MISS).count());
            for (CredentialSlot.Acquired a : acquired) {
                assertSame(acquired.get(0).credentials().join(), a.credentials().join());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
