package io.stsvend.identity;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.stsvend.testing.JwksServer;
import io.stsvend.testing.TestJwksConfig;
import io.stsvend.testing.TestVerifiedCacheConfig;
import io.stsvend.testing.StoppedClock;
import io.stsvend.testing.TestIdp;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key lifecycle against a JWKS endpoint the test controls, with a clock the test moves: rotation after a stray
 * unknown kid, removal, an IdP that fails or hangs, a flood of random kids, and a start without the IdP. Verifying
 * goes through {@link JwksJwtParser}, i.e. smallrye-jwt's full checks with our key source, with the verified-token
 * cache on (as in production): every rule here must hold for a token that was verified before, too.
 */
class JwksLifecycleTest {

    static final Duration REFRESH = Duration.ofMinutes(5);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    /** Real time, only bounding how long a hanging fetch is waited for; no assertion depends on it. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    static RsaJsonWebKey keyA;
    static RsaJsonWebKey keyB;
    static RsaJsonWebKey stranger;

    JwksServer idp;
    StoppedClock clock;
    JwksKeys keys;
    VerifiedTokens verified;
    JwksJwtParser parser;

    @BeforeAll
    static void keys() {
        keyA = TestIdp.key("key-a");
        keyB = TestIdp.key("key-b");
        stranger = TestIdp.key("stranger");
    }

    @BeforeEach
    void start() {
        idp = JwksServer.start();
        idp.publish(keyA);
        clock = StoppedClock.now();
        keys = new JwksKeys(idp.url(), config(), clock);
        JWTAuthContextInfo info = info();
        verified = new VerifiedTokens(new TestVerifiedCacheConfig(true, Duration.ofMinutes(5), 1000), keys);
        parser = new JwksJwtParser(info, keys, verified);
    }

    JWTAuthContextInfo info() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(TestIdp.ISSUER);
        info.setExpectedAudience(Set.of(TestIdp.AUDIENCE));
        info.setPublicKeyLocation(idp.url().toString());
        return info;
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    static JwksConfig config() {
        return new TestJwksConfig(REFRESH, MIN_INTERVAL, FETCH_TIMEOUT);
    }

    boolean loaded() throws Exception {
        return keys.refresh().get(30, TimeUnit.SECONDS);
    }

    /** What the request filter does before verification: wait for the key if it is unknown. */
    void verify(String token) throws Exception {
        String kid = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        if (kid != null && keys.key(kid).isEmpty()) {
            keys.awaitKey(kid).get(30, TimeUnit.SECONDS);
        }
        parser.parse(token);
    }

    /** A static key needs no HTTP client: building one costs the start its TLS setup and a selector thread. */
    @Test
    void aStaticKeyNeverBuildsAnHttpClient() throws Exception {
        JwksKeys staticKey = new JwksKeys((java.net.URI) null, config(), clock);

        assertTrue(staticKey.key("key-a").isEmpty());
        assertFalse(staticKey.refresh().get(30, TimeUnit.SECONDS));
        assertFalse(staticKey.awaitKey("key-a").get(30, TimeUnit.SECONDS));

        assertFalse(staticKey.httpClientBuilt());
    }

    /** With a JWKS URL the client is built by the first fetch, on the fetch thread, not by the constructor. */
    @Test
    void theHttpClientIsBuiltByTheFirstFetch() throws Exception {
        assertFalse(keys.httpClientBuilt(), "the constructor built no client");

        assertTrue(loaded());

        assertTrue(keys.httpClientBuilt());
    }

    @Test
    void aRotatedKeyIsAcceptedRightAfterAStrayUnknownKid() throws Exception {
        assertTrue(loaded());
        verify(TestIdp.token(keyA, "alice"));
        assertThrows(ParseException.class, () -> verify(TestIdp.token(stranger, "mallory")));
        int afterStray = idp.requests();

        idp.publish(keyA, keyB);
        clock.advance(MIN_INTERVAL);
        verify(TestIdp.token(keyB, "alice"));
        assertEquals(afterStray + 1, idp.requests(), "one fetch for the new kid");
        verify(TestIdp.token(keyA, "bob"));
    }

    @Test
    void withinTheMinimumIntervalAnUnknownKidDoesNotFetchAgain() throws Exception {
        assertTrue(loaded());
        assertThrows(ParseException.class, () -> verify(TestIdp.token(stranger, "mallory")));
        int afterStray = idp.requests();
        idp.publish(keyA, keyB);
        clock.advance(MIN_INTERVAL.minusMillis(1));
        assertThrows(ParseException.class, () -> verify(TestIdp.token(keyB, "alice")));
        assertEquals(afterStray, idp.requests());
        clock.advance(Duration.ofMillis(1));
        verify(TestIdp.token(keyB, "alice"));
    }

    @Test
    void aFloodOfRandomKidsFetchesAtMostOncePerInterval() throws Exception {
        assertTrue(loaded());
        int before = idp.requests();
        for (int i = 0; i < 500; i++) {
            String kid = UUID.randomUUID().toString();
            assertThrows(ParseException.class, () -> verify(TestIdp.token(stranger, kid, "flood")));
        }
        assertEquals(before + 1, idp.requests());
        clock.advance(MIN_INTERVAL);
        for (int i = 0; i < 500; i++) {
            String kid = UUID.randomUUID().toString();
            assertThrows(ParseException.class, () -> verify(TestIdp.token(stranger, kid, "flood")));
        }
        assertEquals(before + 2, idp.requests());
    }

    @Test
    void aRemovedKeyStopsVerifyingWithinTheRefreshInterval() throws Exception {
        idp.publish(keyA, keyB);
        assertTrue(loaded());
        verify(TestIdp.token(keyA, "alice"));
        idp.publish(keyB);
        clock.advance(REFRESH.minusSeconds(1));
        verify(TestIdp.token(keyA, "alice"));
        assertEquals(1, idp.requests(), "no refresh before the interval");
        clock.advance(Duration.ofSeconds(1));
        keys.key("key-a");              // any lookup starts the due refresh in the background
        assertTrue(keys.refresh().get(30, TimeUnit.SECONDS));
        assertThrows(ParseException.class, () -> verify(TestIdp.token(keyA, "alice")));
        verify(TestIdp.token(keyB, "alice"));
    }

    @Test
    void aCachedTokenOfARemovedKeyIsRefusedAtTheNextRefresh() throws Exception {
        idp.publish(keyA, keyB);
        assertTrue(loaded());
        String token = TestIdp.token(keyA, "alice");
        String other = TestIdp.token(keyB, "bob");
        verify(token);
        verify(other);
        assertSame(((VerifiedJwt) parser.parse(token)).verification(),
                ((VerifiedJwt) parser.parse(token)).verification(), "the repeat is the cached verification");
        idp.publish(keyB);
        clock.advance(REFRESH);
        parser.parse(token);            // a hit resolves no key, yet starts the due refresh
        assertTrue(keys.refresh().get(30, TimeUnit.SECONDS));
        assertThrows(ParseException.class, () -> parser.parse(token));
        assertTrue(verified.get(other).isPresent(), "only the removed key's tokens are dropped");
        verify(other);
    }

    @Test
    void aCachedTokenIsRefusedWhenItsKidNowNamesOtherKeyMaterial() throws Exception {
        assertTrue(loaded());
        String token = TestIdp.token(keyA, "alice");
        verify(token);
        assertTrue(verified.get(token).isPresent());
        idp.publish(TestIdp.key("key-a"));
        clock.advance(REFRESH);
        assertTrue(keys.refresh().get(30, TimeUnit.SECONDS));
        assertTrue(verified.get(token).isEmpty());
        assertThrows(ParseException.class, () -> parser.parse(token));
    }

    @Test
    void aVerificationThatRacedAKeyRemovalIsNotKept() throws Exception {
        idp.publish(keyA, keyB);
        assertTrue(loaded());
        String token = TestIdp.token(keyA, "alice");
        VerifiedJwt jwt = (VerifiedJwt) new JwksJwtParser(info(), keys,
                new VerifiedTokens(new TestVerifiedCacheConfig(false, Duration.ofMinutes(5), 1000), keys))
                .parse(token);
        long before = verified.keyGeneration();
        idp.publish(keyB);
        clock.advance(REFRESH);
        assertTrue(keys.refresh().get(30, TimeUnit.SECONDS));
        verified.put(token, jwt.verification(), before);    // the verification finished after the refresh had invalidated
        assertTrue(verified.get(token).isEmpty());
    }

    @Test
    void switchedOffEveryRequestIsVerifiedAgain() throws Exception {
        assertTrue(loaded());
        VerifiedTokens off = new VerifiedTokens(new TestVerifiedCacheConfig(false, Duration.ofMinutes(5), 1000),
                keys);
        JwksJwtParser uncached = new JwksJwtParser(info(), keys, off);
        String token = TestIdp.token(keyA, "alice");
        assertNotSame(((VerifiedJwt) uncached.parse(token)).verification(),
                ((VerifiedJwt) uncached.parse(token)).verification());
        assertEquals(0, off.size());
        assertTrue(off.get(token).isEmpty());
    }

    @Test
    void aFailedVerificationIsNeverRemembered() throws Exception {
        assertTrue(loaded());
        String stray = TestIdp.token(stranger, "key-a", "mallory");
        assertThrows(ParseException.class, () -> parser.parse(stray));
        assertTrue(verified.get(stray).isEmpty());
        assertEquals(0, verified.size());
    }

    @Test
    void whileTheIdpFailsKnownKeysVerifyAndUnknownKidsAreRefused() throws Exception {
        assertTrue(loaded());
        idp.mode(JwksServer.Mode.FAIL);
        clock.advance(REFRESH);
        assertFalse(keys.refresh().get(30, TimeUnit.SECONDS));
        verify(TestIdp.token(keyA, "alice"));
        clock.advance(MIN_INTERVAL);
        assertThrows(ParseException.class, () -> verify(TestIdp.token(keyB, "alice")));
        assertEquals("IllegalStateException: the JWKS URL answered HTTP 503", keys.state().problem().orElseThrow());

        idp.mode(JwksServer.Mode.SERVE);
        idp.publish(keyA, keyB);
        clock.advance(MIN_INTERVAL);
        verify(TestIdp.token(keyB, "alice"));
        assertTrue(keys.state().problem().isEmpty(), "recovered by itself");
    }

    @Test
    void aHangingIdpHoldsNoCallerWithAKnownKeyAndBoundsTheUnknownKidWait() throws Exception {
        assertTrue(loaded());
        idp.mode(JwksServer.Mode.HANG);
        clock.advance(MIN_INTERVAL);
        CompletableFuture<Boolean> unknown = keys.awaitKey("key-b");
        // While that fetch hangs, a caller with a known key is verified without waiting for it.
        verify(TestIdp.token(keyA, "alice"));
        assertFalse(unknown.isDone() && unknown.get(), "the hanging fetch brought no key");
        // The wait ends by the fetch timeout (polled with a generous bound, never a timing assertion).
        assertFalse(unknown.get(30, TimeUnit.SECONDS));
        assertTrue(keys.state().problem().orElseThrow().contains("fetch-timeout"), keys.state().toString());
        verify(TestIdp.token(keyA, "bob"));
    }

    @Test
    void startsWithoutTheIdpAndLoadsKeysOnceItAnswers() throws Exception {
        idp.mode(JwksServer.Mode.FAIL);
        assertFalse(loaded());
        assertFalse(keys.state().loaded());
        assertThrows(ParseException.class, () -> verify(TestIdp.token(keyA, "alice")));
        idp.mode(JwksServer.Mode.SERVE);
        clock.advance(MIN_INTERVAL);
        keys.key("key-a");
        assertTrue(keys.refresh().get(30, TimeUnit.SECONDS));
        assertTrue(keys.state().loaded());
        verify(TestIdp.token(keyA, "alice"));
    }

    @Test
    void aTokenWithoutKidNeedsASoleUnnamedKey() throws Exception {
        assertTrue(loaded());
        assertThrows(ParseException.class, () -> verify(TestIdp.token(keyA, null, "alice")),
                "with named keys, a token must name its key");
    }

    @Test
    void settingsOutsideTheirBoundsAreReported() {
        JwksConfig bad = new TestJwksConfig(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(1));
        assertEquals(4, JwksConfigCheck.problems(bad).size(), JwksConfigCheck.problems(bad).toString());
        assertEquals(0, JwksConfigCheck.problems(config()).size());
    }
}
