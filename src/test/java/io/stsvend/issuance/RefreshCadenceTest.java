package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;
import io.stsvend.testing.MutableClock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AssumeRole calls per user over a long run: a hot user asking every 10 seconds for a simulated day causes exactly one
 * call per refresh period (token lifetime − refresh window), never one per request and never an expired token. STS
 * answers at once here; {@code RefreshAheadTest} covers a slow STS.
 */
class RefreshCadenceTest {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration ASK_EVERY = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0}s tokens, window {1}s -> {2} calls a day")
    @CsvSource({
            "3600, 1800, 48",   // defaults: re-issue 3600 s tokens every 1800 s, as Alibaba advises
            "3600, 900, 32",    // refresh in the last quarter of the life
            "900, 450, 192"})   // shortest STS tokens
    void oneCallPerRefreshPeriod(long lifeSeconds, long windowSeconds, int expectedCalls) {
        MutableClock clock = new MutableClock();
        Freshness freshness = new Freshness(clock, Duration.ofMinutes(5), Optional.of(Duration.ofSeconds(windowSeconds)),
                Duration.ofSeconds(30));
        Duration life = Duration.ofSeconds(lifeSeconds);
        AtomicInteger calls = new AtomicInteger();
        CredentialSlot slot = new CredentialSlot();
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(DAY) < 0; elapsed = elapsed.plus(ASK_EVERY)) {
            CredentialSlot.Acquired acquired = slot.acquire(freshness, kind -> {
                calls.incrementAndGet();
                return CompletableFuture.completedFuture(freshness.hold(new TemporaryCredentials("STS." + calls.get(),
                        "secret", "token", clock.instant().plus(life), "req")));
            });
            TemporaryCredentials served = acquired.credentials().join();
            assertEquals(true, served.expiration().isAfter(clock.instant().plus(Duration.ofMinutes(5))),
                    "never serves a token below min-remaining");
            clock.advance(ASK_EVERY);
        }
        assertEquals(expectedCalls, calls.get());
    }

    @Test
    void defaultWindowIsHalfTheLife() {
        MutableClock clock = new MutableClock();
        Freshness freshness = new Freshness(clock, Duration.ofMinutes(5), Optional.empty(), Duration.ofSeconds(30));
        AtomicInteger calls = new AtomicInteger();
        CredentialSlot slot = new CredentialSlot();
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(DAY) < 0; elapsed = elapsed.plus(ASK_EVERY)) {
            slot.acquire(freshness, kind -> {
                calls.incrementAndGet();
                return CompletableFuture.completedFuture(freshness.hold(new TemporaryCredentials("STS.x", "secret",
                        "token", clock.instant().plus(Duration.ofHours(1)), "req")));
            }).credentials().join();
            clock.advance(ASK_EVERY);
        }
        assertEquals(48, calls.get());
    }
}
