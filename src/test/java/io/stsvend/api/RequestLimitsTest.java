package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oversized or hostile input gets a 4xx, never a 500, and never reaches STS. Heads beyond
 * {@code quarkus.http.limits.max-header-size} (16K) are answered by Vert.x itself (431, no body); a bearer token over
 * 8192 characters by {@link RequestLimits} (431 problem+json); smaller hostile tokens by JWT verification or the
 * claim rules.
 */
@QuarkusTest
class RequestLimitsTest {

    @Inject
    CloudBox box;

    long stsCalls() {
        return box.assumeRoleCalls();
    }

    @Test
    void headersBeyondTheServerLimitAre431FromVertx() {
        long before = stsCalls();
        int status = given().header("X-Padding", "p".repeat(20_000)).auth().oauth2(TestTokens.forSubject("big-head"))
                .when().get("/credentials").statusCode();
        assertEquals(431, status);
        assertEquals(before, stsCalls());
    }

    @Test
    void oversizedBearerTokenIs431Problem() {
        String token = TestTokens.claims("big-token").claim("padding", "x".repeat(9000))
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(431).contentType("application/problem+json").body("code", equalTo("headers-too-large"));
    }

    @Test
    void oversizedGarbageTokenIs431ProblemBeforeAnyParsing() {
        given().auth().oauth2("a".repeat(10_000)).when().get("/credentials").then()
                .statusCode(431).body("code", equalTo("headers-too-large"));
    }

    @Test
    void deeplyNestedClaimIsRefusedWith400BeforeVerification() {
        Object nested = "leaf";
        for (int i = 0; i < 1000; i++) {
            nested = List.of(nested);
        }
        String token = TestTokens.claims("deep-claims").claim("deep", nested)
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        assertClientError(token);
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(400).body("code", equalTo("bad-request"));
    }

    @Test
    void claimsNestedLikeKeycloaksAreAccepted() {
        String token = TestTokens.claims("keycloak-kim")
                .claim("resource_access", Map.of("app", Map.of("roles", List.of("user"))))
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(200);
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertEquals(1, RequestLimits.nestingDepth("{\"a\":\"[[[[[[[[[[[[\\\"{{{{{{{{{\"}"));
        assertEquals(3, RequestLimits.nestingDepth("{\"a\":[{\"b\":\"]]]\"}]}"));
    }

    @Test
    void hugeClaimValueIsRefusedWith4xx() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            groups.add("g" + i);
        }
        String token = TestTokens.claims("x".repeat(250)).claim("groups", groups)
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        assertClientError(token);
    }

    private void assertClientError(String token) {
        long before = stsCalls();
        int status = given().auth().oauth2(token).when().get("/credentials").then()
                .contentType("application/problem+json").extract().statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status);
        assertEquals(before, stsCalls());
    }
}
