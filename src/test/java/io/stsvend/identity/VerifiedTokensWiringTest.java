package io.stsvend.identity;

import static io.restassured.RestAssured.given;
import static io.stsvend.testing.JwksControl.control;
import static io.stsvend.testing.JwksControl.key;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.JwksControl;
import io.stsvend.testing.JwksResource;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestIdp;

import jakarta.inject.Inject;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The verified-token cache as Quarkus wires it into bearer authentication ({@link JwksJwtParser} with a JWKS URL):
 * a repeat of the same token is served from it without parsing its claims again, a token differing in one byte is
 * verified (and refused) on its own, an expired token is refused although it was cached, a token whose key left the
 * JWKS stops at the next refresh even when every request hits, and no token material reaches logs or metrics.
 * Clock skew is 1 s here so that "expired" means {@code exp} + 1 s, not {@code exp} + 60 s.
 */
@QuarkusTest
@TestProfile(VerifiedTokensWiringTest.Profile.class)
class VerifiedTokensWiringTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // A TTL far beyond every wait below: only exp and the key removal can end an entry in these tests.
            return Map.of("mp.jwt.verify.clock.skew", "1", "smallrye.jwt.expiration.grace", "1",
                    "stsvend.jwt.verified-cache.ttl", "300s");
        }
    }

    @Inject
    MutableClock clock;

    @Inject
    VerifiedTokens verified;

    @AfterEach
    void restore() {
        JwksControl.restore();
    }

    /** A token of {@code key-a} for {@code sub} that expires {@code in} from now (real time). */
    static String token(String sub, Duration in) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(TestIdp.ISSUER);
            claims.setAudience(TestIdp.AUDIENCE);
            claims.setSubject(sub);
            claims.setIssuedAtToNow();
            claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + in.toMillis()));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue("key-a");
            jws.setKey(key("key-a").getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static int status(String token) {
        return given().auth().oauth2(token).when().get("/credentials").then().extract().statusCode();
    }

    @Test
    void aRepeatOfTheSameTokenReusesItsVerificationAndItsParsedClaims() {
        String token = TestIdp.token(key("key-a"), "repeat");
        assertEquals(200, status(token));
        VerifiedJwt.Verification first = verified.get(token).orElseThrow();
        assertTrue(first.payloadParsed(), "the first request parsed the claims into the cached verification");
        assertEquals(200, status(token));
        assertTrue(verified.get(token).orElseThrow() == first, "the repeat reused that verification");
    }

    @Test
    void aTokenDifferingInOneByteNeverHits() {
        String token = TestIdp.token(key("key-a"), "alice");
        assertEquals(200, status(token));
        String[] parts = token.split("\\.");
        // One character of the signature.
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        assertEquals(401, status(parts[0] + "." + parts[1] + "." + new String(signature)));
        // One byte of the payload ("alice" → "alicf"), the signature left as it was.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"alice\"", "\"alicf\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, status(parts[0] + "." + forged + "." + parts[2]));
        assertEquals(200, status(token), "the original still hits");
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasCached() {
        assertEquals(200, status(TestIdp.token(key("key-a"), "warm-up")), "a first request pays the cold start");
        // Long enough for two requests on a busy machine; only the end of the wait below depends on it.
        String token = token("short-lived", Duration.ofSeconds(15));
        assertEquals(200, status(token));
        assertTrue(verified.get(token).isPresent(), "cached");
        // Real time must pass exp (jose4j and the cache read the system clock); generous, polled, no timing asserted.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(token) == 401);
    }

    @Test
    void aCachedTokenWhoseKeyLeftTheJwksStopsAtTheNextRefreshWhileEveryRequestHits() {
        control("publish=key-a,key-b");
        clock.advance(Duration.ofMinutes(10));
        String token = TestIdp.token(key("key-b"), "bob");
        assertEquals(200, status(token));
        assertTrue(verified.get(token).isPresent(), "cached");
        control("publish=key-a");
        clock.advance(Duration.ofMinutes(10));
        // The first of these hits starts the due refresh; once it removed key-b, the cached token is gone.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> status(token) == 401);
        assertEquals(200, status(TestIdp.token(key("key-a"), "alice")), "the remaining key still verifies");
    }

    @Test
    void noTokenMaterialReachesLogsOrMetrics() {
        String token = TestIdp.token(key("key-a"), "logged");
        String[] parts = token.split("\\.");
        try (LogCapture logs = LogCapture.install()) {
            assertEquals(200, status(token));
            assertEquals(200, status(token));
            assertEquals(401, status(parts[0] + "." + parts[1] + ".AAAA" + parts[2].substring(4)));
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String part : parts) {
                assertEquals(List.of(), logs.linesContaining(part), "a token part in the logs");
                assertTrue(!metrics.contains(part), "a token part in the metrics");
            }
        }
    }
}
