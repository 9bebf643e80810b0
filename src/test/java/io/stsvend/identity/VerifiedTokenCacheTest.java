package io.stsvend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The verified-token cache's contract: exact-token keys, lifetime checked at use, a hard bound, key invalidation. */
class VerifiedTokenCacheTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    private final MutableClock clock = new MutableClock();
    private final VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(clock, Duration.ofSeconds(60), 1_000);

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    @Test
    void theSameTokenHits() {
        cache.put(TOKEN, "alice", in(Duration.ofHours(1)), "k1");
        assertEquals(Optional.of("alice"), cache.get(TOKEN));
    }

    @Test
    void aTokenDifferingInOneByteNeverHits() {
        cache.put(TOKEN, "alice", in(Duration.ofHours(1)), "k1");
        for (int i = 0; i < TOKEN.length(); i++) {
            char[] chars = TOKEN.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            assertEquals(Optional.empty(), cache.get(new String(chars)), "changed at " + i);
        }
        assertEquals(Optional.empty(), cache.get(TOKEN + "="), "one byte longer");
        assertEquals(Optional.empty(), cache.get(TOKEN.substring(1)), "one byte shorter");
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhileCached() {
        cache.put(TOKEN, "alice", in(Duration.ofSeconds(30)), "k1");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), cache.get(TOKEN), "at exp");
    }

    @Test
    void anEntryLivesNoLongerThanTheConfiguredBoundWhateverTheExp() {
        cache.put(TOKEN, "alice", in(Duration.ofHours(1)), "k1");
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of("alice"), cache.get(TOKEN));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), cache.get(TOKEN), "60 s after it was stored");
    }

    @Test
    void anAlreadyExpiredVerificationIsNotStored() {
        cache.put(TOKEN, "alice", in(Duration.ofSeconds(-1)), "k1");
        assertEquals(0, cache.size());
    }

    @Test
    void theBoundHoldsUnderAMillionDistinctTokens() {
        VerifiedTokenCache<Integer> small = new VerifiedTokenCache<>(clock, Duration.ofSeconds(60), 100);
        Instant exp = in(Duration.ofHours(1));
        for (int i = 0; i < 1_000_000; i++) {
            small.put(TOKEN + i, i, exp, "k1");
        }
        assertTrue(small.size() <= 100, "held " + small.size());
        assertEquals(Optional.empty(), small.get(TOKEN + 0), "the oldest were evicted");
    }

    @Test
    void invalidatingASigningKeyDropsOnlyTheTokensItVerified() {
        cache.put(TOKEN, "alice", in(Duration.ofHours(1)), "k1");
        cache.put(TOKEN + "x", "bob", in(Duration.ofHours(1)), "k2");
        cache.invalidateKey("k1");
        assertEquals(Optional.empty(), cache.get(TOKEN));
        assertEquals(Optional.of("bob"), cache.get(TOKEN + "x"));
    }

    @Test
    void noTokenMaterialIsLogged() {
        try (LogCapture logs = LogCapture.install()) {
            cache.put(TOKEN, "alice", in(Duration.ofSeconds(1)), "k1");
            cache.get(TOKEN);
            clock.advance(Duration.ofSeconds(2));
            cache.get(TOKEN);
            cache.invalidateKey("k1");
            assertFalse(logs.lines().stream().anyMatch(l -> l.text().contains("eyJ")), logs.lines().toString());
        }
    }
}
