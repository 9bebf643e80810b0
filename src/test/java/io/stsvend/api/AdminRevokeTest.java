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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /admin/subjects/{subject}/revoke} and {@code DELETE /admin/subjects/{subject}/block}: a revoked
 * subject's cached token is never served again, a blocked subject gets 403 subject-blocked until the block ends or
 * is lifted, and then a new token; nobody else is affected. Every test uses its own subjects and admin.
 */
@QuarkusTest
class AdminRevokeTest {

    @Inject
    MutableClock clock;

    static Response revoke(String jwt, String subject, String body) {
        var request = given();
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        if (jwt != null) {
            request.auth().oauth2(jwt);
        }
        return request.when().post("/admin/subjects/{s}/revoke", subject);
    }

    static Response unblock(String jwt, String subject) {
        var request = given();
        if (jwt != null) {
            request.auth().oauth2(jwt);
        }
        return request.when().delete("/admin/subjects/{s}/block", subject);
    }

    static Response credentials(String subject) {
        return given().auth().oauth2(TestTokens.forSubject(subject)).when().get("/credentials");
    }

    static String keyOf(String subject) {
        return credentials(subject).then().statusCode(200).extract().path("accessKeyId");
    }

    @Test
    void aBlockedSubjectGetsSubjectBlockedThenANewTokenWhenTheBlockEnds() {
        String admin = AdminExplainTest.adminToken("admin-block");
        String first = keyOf("rv-ann");
        assertEquals(first, keyOf("rv-ann"), "the second request is served from the cache");
        String neighbour = keyOf("rv-ben");

        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String until = revoke(admin, "rv-ann", "{\"blockForSeconds\":60}").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("subject", equalTo("rv-ann"))
                .body("evicted", equalTo(1))
                .extract().path("blockedUntil");
        Instant end = Instant.parse(until);
        assertTrue(!end.isBefore(before.plusSeconds(60)) && end.isBefore(before.plusSeconds(90)), until);

        credentials("rv-ann").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("subject-blocked"))
                .body("accessKeyId", nullValue());
        assertEquals(neighbour, keyOf("rv-ben"), "another subject keeps its cached token");

        // Moved relative to the block's own end, 10 s short of it: the service's clock is real time plus what the
        // test adds, so "59 s after the revoke" was already past the end on a machine busy for over a second.
        clock.advance(Duration.between(clock.instant(), end).minusSeconds(10));
        credentials("rv-ann").then().statusCode(403).body("code", equalTo("subject-blocked"));
        clock.advance(Duration.ofSeconds(11));
        assertNotEquals(first, keyOf("rv-ann"), "after the block a new token, not the evicted one");
    }

    @Test
    void liftingABlockLetsTheSubjectInAtOnceWithANewToken() {
        String admin = AdminExplainTest.adminToken("admin-lift");
        String first = keyOf("rv-cat");
        revoke(admin, "rv-cat", "{\"blockForSeconds\":2592000}").then().statusCode(200).body("evicted", equalTo(1));
        credentials("rv-cat").then().statusCode(403).body("code", equalTo("subject-blocked"));
        unblock(admin, "rv-cat").then().statusCode(204);
        assertNotEquals(first, keyOf("rv-cat"));
        unblock(admin, "rv-cat").then().statusCode(204);
    }

    @Test
    void aRevokeWithoutABlockOnlyEvicts() {
        String admin = AdminExplainTest.adminToken("admin-evict");
        String first = keyOf("rv-dan");
        revoke(admin, "rv-dan", null).then().statusCode(200)
                .body("evicted", equalTo(1)).body("blockedUntil", nullValue());
        String second = keyOf("rv-dan");
        assertNotEquals(first, second);
        assertEquals(second, keyOf("rv-dan"), "the new token is cached again");
        revoke(admin, "rv-nobody", "{}").then().statusCode(200).body("evicted", equalTo(0));
    }

    @Test
    void aUserTokenNeverRevokesAndNoTokenIsUnauthenticated() {
        String user = TestTokens.forSubject("rv-eve");
        String first = keyOf("rv-fay");
        revoke(user, "rv-fay", "{\"blockForSeconds\":60}").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("forbidden"));
        unblock(user, "rv-fay").then().statusCode(403).body("code", equalTo("forbidden"));
        revoke(null, "rv-fay", "{\"blockForSeconds\":60}").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        unblock(null, "rv-fay").then().statusCode(401);
        assertEquals(first, keyOf("rv-fay"), "nothing was evicted or blocked");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String admin = AdminExplainTest.adminToken("admin-bad");
        String first = keyOf("rv-gus");
        for (String body : List.of("{", "[]", "\"x\"", "{\"blockForSeconds\":0}", "{\"blockForSeconds\":-5}",
                "{\"blockForSeconds\":2592001}", "{\"blockForSeconds\":1.5}", "{\"blockForSeconds\":\"60\"}",
                "{\"blockUntil\":\"2026-12-01T12:00:00Z\"}", "{\"blockForSeconds\":60,\"blockForSeconds\":60}")) {
            revoke(admin, "rv-gus", body).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("bad-request"));
        }
        for (String subject : List.of("x".repeat(257), "has space", "caf\u00e9")) {
            revoke(admin, subject, "{\"blockForSeconds\":60}").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("code", equalTo("bad-request"));
            unblock(admin, subject).then().statusCode(400).body("code", equalTo("bad-request"));
        }
        assertEquals(first, keyOf("rv-gus"), "no bad request evicted or blocked anything");
    }

    @Test
    void everyRevocationIsAuditedWithoutTokensOrSecrets() {
        String admin = AdminExplainTest.adminToken("admin-audit");
        Response issued = credentials("rv-hal").then().statusCode(200).extract().response();
        String secret = issued.path("accessKeySecret");
        String securityToken = issued.path("securityToken");
        try (LogCapture logs = LogCapture.install()) {
            Instant until = clock.instant().truncatedTo(ChronoUnit.MILLIS).plusSeconds(120);
            revoke(admin, "rv-hal", "{\"blockForSeconds\":120}").then().statusCode(200);
            credentials("rv-hal").then().statusCode(403);
            unblock(admin, "rv-hal").then().statusCode(204);
            unblock(admin, "rv-hal").then().statusCode(204);
            revoke(admin, "rv-hal", "{\"blockForSeconds\":0}").then().statusCode(400);
            List<String> lines = logs.texts(AuditTrail.CATEGORY).stream().filter(l -> l.contains("admin-request"))
                    .toList();
            assertEquals(4, lines.size(), lines.toString());
            String revoked = lines.get(0);
            assertTrue(revoked.startsWith("{\"event\":\"admin-request\",\"admin\":\"admin-audit\",\"action\":\"revoke\","
                    + "\"target\":\"rv-hal\",\"outcome\":\"ok\",\"until\":\""), revoked);
            assertTrue(revoked.endsWith("\",\"evicted\":1,\"scope\":\"this-replica\"}"), revoked);
            Instant logged = Instant.parse(revoked.replaceFirst(".*\"until\":\"([^\"]+)\".*", "$1"));
            assertTrue(!logged.isBefore(until) && logged.isBefore(until.plusSeconds(30)), revoked);
            assertEquals(List.of(
                    "{\"event\":\"admin-request\",\"admin\":\"admin-audit\",\"action\":\"unblock\",\"target\":\"rv-hal\",\"outcome\":\"ok\",\"scope\":\"this-replica\"}",
                    "{\"event\":\"admin-request\",\"admin\":\"admin-audit\",\"action\":\"unblock\",\"target\":\"rv-hal\",\"outcome\":\"not-blocked\",\"scope\":\"this-replica\"}",
                    "{\"event\":\"admin-request\",\"admin\":\"admin-audit\",\"action\":\"revoke\",\"target\":\"rv-hal\",\"outcome\":\"bad-request\"}"),
                    lines.subList(1, 4));
            assertTrue(logs.texts(AuditTrail.CATEGORY).stream()
                    .anyMatch(l -> l.contains("rv-hal") && l.contains("subject-blocked")), "the refusal is audited");
            logs.lines().forEach(l -> {
                assertFalse(l.text().contains(admin), "admin token logged");
                assertFalse(l.text().contains(secret), "secret logged");
                assertFalse(l.text().contains(securityToken), "security token logged");
            });
        }
    }

    @Test
    void bothExplainEndpointsSayUntilWhenASubjectIsBlockedAndNoMoreOnceLifted() {
        String admin = AdminExplainTest.adminToken("admin-explain-block");
        String user = TestTokens.forSubject("rv-ivy");
        String until = revoke(admin, "rv-ivy", "{\"blockForSeconds\":600}").then().statusCode(200)
                .extract().path("blockedUntil");

        given().auth().oauth2(user).queryParam("action", "oss:GetObject")
                .queryParam("resource", "acs:oss:*:*:app-bucket/users/rv-ivy/a.txt")
                .when().get("/credentials/explain").then().statusCode(200)
                .body("blockedUntil", equalTo(until))
                .body("credentials.outcome", equalTo("subject-blocked"))
                .body("credentials.detail", org.hamcrest.Matchers.containsString(until))
                .body("decision.decision", equalTo("no-credentials"));
        AdminExplainTest.post(admin, "{\"claims\":{\"sub\":\"rv-ivy\"}}").then().statusCode(200)
                .body("blockedUntil", equalTo(until))
                .body("credentials.outcome", equalTo("subject-blocked"));
        AdminExplainTest.post(admin, "{\"claims\":{\"sub\":\"rv-jon\"}}").then().statusCode(200)
                .body("blockedUntil", nullValue())
                .body("credentials.outcome", equalTo("issued"));

        unblock(admin, "rv-ivy").then().statusCode(204);
        given().auth().oauth2(user).when().get("/credentials/explain").then().statusCode(200)
                .body("blockedUntil", nullValue())
                .body("credentials.outcome", equalTo("issued"));
    }
}
