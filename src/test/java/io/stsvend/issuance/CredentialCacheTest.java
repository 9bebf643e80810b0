package io.stsvend.issuance;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.Parallel;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The per-user cache, observed through the STS emulator's AssumeRole counter. Each test uses its own subject. */
@QuarkusTest
class CredentialCacheTest {

    @Inject
    CloudBox box;

    @Inject
    MutableClock clock;

    static String accessKeyIdFor(String token) {
        return given().auth().oauth2(token).when().get("/credentials").then().statusCode(200)
                .extract().path("accessKeyId");
    }

    @Test
    void secondCallIsServedFromCache() {
        String token = TestTokens.forSubject("cache-two-calls");
        long before = box.assumeRoleCalls();
        String first = accessKeyIdFor(token);
        String second = accessKeyIdFor(token);
        assertEquals(first, second);
        assertEquals(before + 1, box.assumeRoleCalls());
    }

    @Test
    void tokenIsReplacedOnceLessThanMinRemainingIsLeft() {
        String token = TestTokens.forSubject("cache-expiry");
        long before = box.assumeRoleCalls();
        String first = accessKeyIdFor(token);
        // 3600 s tokens: 29 minutes later the token is still fresh (refresh ahead starts at half its life)...
        clock.advance(Duration.ofMinutes(29));
        assertEquals(first, accessKeyIdFor(token));
        assertEquals(before + 1, box.assumeRoleCalls());
        // ...and with nobody asking in between, 55 minutes and a second later less than the 5 min margin is left.
        clock.advance(Duration.ofMinutes(26).plusSeconds(1));
        assertNotEquals(first, accessKeyIdFor(token));
        assertEquals(before + 2, box.assumeRoleCalls());
    }

    @Test
    void fiftyParallelFirstRequestsMakeOneAssumeRole() throws Exception {
        String token = TestTokens.forSubject("cache-fifty");
        box.faults().delayResponses(Duration.ofMillis(300));
        long before = box.assumeRoleCalls();
        Set<String> keys = new HashSet<>(Parallel.run(50, i -> () -> accessKeyIdFor(token)));
        assertEquals(1, keys.size());
        assertEquals(before + 1, box.assumeRoleCalls());
    }

    @Test
    void differentPolicyForTheSameSubjectGetsItsOwnToken() {
        long before = box.assumeRoleCalls();
        String plain = accessKeyIdFor(TestTokens.forSubject("cache-groups"));
        String viewer = accessKeyIdFor(TestTokens.forSubject("cache-groups", "viewer"));
        assertNotEquals(plain, viewer);
        assertEquals(before + 2, box.assumeRoleCalls());
        // And losing the group returns the narrower token, never the broader one.
        assertEquals(plain, accessKeyIdFor(TestTokens.forSubject("cache-groups")));
        assertEquals(before + 2, box.assumeRoleCalls());
    }

    @Test
    void stsFailureIsNotCached() {
        String token = TestTokens.forSubject("cache-failure");
        // One try and both retries are throttled.
        box.faults().failNextAssumeRoleCalls(3, StsFaults.InjectedError.throttling());
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("sts-throttled"));
        long before = box.assumeRoleCalls();
        accessKeyIdFor(token);
        assertEquals(before + 1, box.assumeRoleCalls(), "the failure was not cached: STS was called again");
    }
}
