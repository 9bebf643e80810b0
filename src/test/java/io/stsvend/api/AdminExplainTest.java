package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stsvend.audit.AuditTrail;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /admin/explain} and the separation of admin and user tokens: only a token for the admin audience
 * holding the admin role gets in; a user token never does, and an admin token gets nothing else. Each negative test
 * changes one thing from a good admin token.
 */
@QuarkusTest
class AdminExplainTest {

    static final String BODY = "{\"claims\":{\"sub\":\"carol\",\"groups\":[\"viewer\"]},"
            + "\"action\":\"oss:GetObject\",\"resource\":\"acs:oss:*:*:app-bucket/shared/readme.txt\"}";

    @Inject
    MutableClock clock;

    static String adminToken(String sub) {
        return TestTokens.claims(sub).audience("stsvend-admin").groups(Set.of("stsvend-admin")).sign(
                TestTokens.privateKey("test-keys/privateKey.pem"));
    }

    static Response post(String jwt, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (jwt != null) {
            request.auth().oauth2(jwt);
        }
        return request.when().post("/admin/explain");
    }

    @Test
    void anAdminExplainsAnyClaimSet() {
        post(adminToken("admin-ann"), BODY).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("subject", equalTo("carol"))
                .body("rules[1].name", equalTo("shared-viewer"))
                .body("rules[1].outcome", equalTo("matched"))
                .body("credentials.outcome", equalTo("issued"))
                .body("sessionPolicy.Version", equalTo("1"))
                .body("decision.decision", equalTo("allowed"));
        post(adminToken("admin-ann"), "{\"claims\":{\"sub\":\"dave\",\"groups\":\"staff\"}}").then().statusCode(200)
                .body("rules[1].reason", equalTo("claim groups is not viewer"));
    }

    @Test
    void aUserTokenNeverReachesTheAdminApi() {
        post(TestTokens.forSubject("alice", "stsvend-admin"), BODY).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden"));
    }

    @Test
    void anAdminTokenWithoutTheRoleIsRefused() {
        String noRole = TestTokens.claims("admin-bob").audience("stsvend-admin").groups(Set.of("staff"))
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        post(noRole, BODY).then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden"));
    }

    @Test
    void aTokenForAnotherAudienceOrNoTokenIsUnauthenticated() {
        String otherAudience = TestTokens.claims("admin-ann").audience("another-service")
                .groups(Set.of("stsvend-admin")).sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        post(otherAudience, BODY).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        post(null, BODY).then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void anAdminTokenGetsNoCredentialsNorAUserExplanation() {
        String admin = adminToken("admin-ann");
        given().auth().oauth2(admin).when().get("/credentials").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("forbidden"));
        given().auth().oauth2(admin).when().get("/credentials/explain").then().statusCode(403);
        // Naming both audiences does not make a token both: it is an admin token, for the admin API only.
        String both = TestTokens.claims("admin-ann").audience(Set.of("stsvend", "stsvend-admin"))
                .groups(Set.of("stsvend-admin")).sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        given().auth().oauth2(both).when().get("/credentials").then().statusCode(403);
        post(both, BODY).then().statusCode(200);
    }

    @Test
    void badInputIsAProblemNeverA500() {
        String admin = adminToken("admin-input");
        for (String body : List.of("{", "[]", "{}", "{\"claims\":{\"groups\":[\"viewer\"]}}",
                "{\"claims\":{\"sub\":7}}", "{\"claims\":{\"sub\":\"x\"},\"action\":\"oss:GetObject\"}",
                "{\"claims\":{\"sub\":\"x\"},\"action\":\"oss:Get*\",\"resource\":\"acs:oss:*:*:b/k\"}",
                "{\"claims\":{\"sub\":\"x\"},\"action\":\"oss:GetObject\",\"resource\":\"not-an-arn\"}")) {
            post(admin, body).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("bad-request"));
        }
    }

    @Test
    void everyAdminRequestIsAuditedWithoutTheToken() {
        String admin = adminToken("admin-audited");
        String user = TestTokens.forSubject("alice-audited");
        try (LogCapture logs = LogCapture.install()) {
            post(admin, BODY).then().statusCode(200);
            post(user, BODY).then().statusCode(403);
            post(admin, "{}").then().statusCode(400);
            List<String> lines = logs.texts(AuditTrail.CATEGORY).stream().filter(l -> l.contains("admin-request"))
                    .toList();
            assertEquals(List.of(
                    "{\"event\":\"admin-request\",\"admin\":\"admin-audited\",\"action\":\"explain\",\"target\":\"carol\",\"outcome\":\"ok\"}",
                    "{\"event\":\"admin-request\",\"admin\":\"alice-audited\",\"action\":\"/admin/explain\",\"outcome\":\"forbidden\"}",
                    "{\"event\":\"admin-request\",\"admin\":\"admin-audited\",\"action\":\"explain\",\"outcome\":\"bad-request\"}"),
                    lines);
            logs.lines().forEach(l -> {
                assertFalse(l.text().contains(admin), "admin token logged");
                assertFalse(l.text().contains(user), "user token logged");
            });
        }
    }

    /** The exact budget is proven on a stopped clock in AdminGateTest; here the wiring, on the running service. */
    @Test
    void eachAdminIsRateLimitedAndRecoversAfterTheWindow() {
        String admin = adminToken("admin-busy");
        Response refused = null;
        for (int i = 0; i < 400 && refused == null; i++) {
            Response r = post(admin, BODY);
            if (r.statusCode() == 429) {
                assertTrue(i >= 60, "refused within the burst of stsvend.admin.rate-limit.per-admin: " + i);
                refused = r;
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertTrue(refused != null, "an admin making requests far faster than 1/s is refused");
        refused.then().contentType(Problem.MEDIA_TYPE).body("code", equalTo("rate-limited"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Another admin is not affected; the same one is let in again once the window has passed.
        post(adminToken("admin-calm"), BODY).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        post(admin, BODY).then().statusCode(200);
    }

    @Test
    void theAnswerCarriesNoTokenOrKey() {
        String admin = adminToken("admin-ann");
        String body = post(admin, BODY).then().statusCode(200).extract().asString();
        assertFalse(body.contains(admin));
        for (String field : Map.of("a", "accessKeyId", "b", "accessKeySecret", "c", "securityToken").values()) {
            assertFalse(body.contains(field), field);
        }
    }
}
