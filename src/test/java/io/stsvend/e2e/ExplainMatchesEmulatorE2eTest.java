package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.DENIED_BY_POLICY;
import static io.stsvend.e2e.OssAssertions.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code GET /credentials/explain} says is what the OSS emulator does: for each (action, resource) it asks
 * explain, then performs the same operation with the real aliyun-sdk-oss and alice's vended credentials, and checks
 * allowed ↔ 2xx and denied ↔ AccessDenied. The emulated role here has a policy of its own that allows less than the
 * session policy in one place (PutObject only under {@code uploads/}) and denies in another (DeleteObject under
 * {@code legal-hold/}), so each of the four ways a decision is reached is exercised: allowed; implicitly denied by
 * the session policy (bob's prefix, another bucket, the bucket root); implicitly denied by the role's policy; and
 * explicitly denied by a role statement.
 */
@QuarkusTest
@TestProfile(ExplainMatchesEmulatorE2eTest.RoleWithLimits.class)
class ExplainMatchesEmulatorE2eTest {

    static final String ROLE_POLICY = "{\"Version\":\"1\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\",\"oss:ListObjects\",\"oss:DeleteObject\"],"
            + "\"Resource\":[\"acs:oss:*:*:app-bucket\",\"acs:oss:*:*:app-bucket/*\",\"acs:oss:*:*:other-bucket\","
            + "\"acs:oss:*:*:other-bucket/*\"]},"
            + "{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\",\"Resource\":[\"acs:oss:*:*:app-bucket/users/*/uploads/*\","
            + "\"acs:oss:*:*:other-bucket/*\"]},"
            + "{\"Sid\":\"LegalHold\",\"Effect\":\"Deny\",\"Action\":\"oss:DeleteObject\","
            + "\"Resource\":\"acs:oss:*:*:app-bucket/users/*/legal-hold/*\"}]}";

    /** The emulated role's own policy; explain reads the same one (local mode copies it). */
    public static class RoleWithLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsvend.local.role-policy", ROLE_POLICY);
        }
    }

    @Inject
    CloudBox box;

    @ConfigProperty(name = "stsvend.sts.access-key-secret")
    String ramSecret;

    String jwt;
    Vended vended;
    OSS alice;
    OSS bob;

    @BeforeEach
    void connect() {
        jwt = TestTokens.forSubject("alice", "staff");
        vended = Vended.forJwt(jwt);
        alice = vended.client(SignVersion.V4);
        bob = Vended.forJwt(TestTokens.forSubject("bob")).client(SignVersion.V4);
        put(alice, BUCKET, "users/alice/uploads/a.txt", "alice's");
        put(bob, BUCKET, "users/bob/uploads/x.txt", "bob's");
    }

    @AfterEach
    void disconnect() {
        alice.shutdown();
        bob.shutdown();
    }

    record Case(String action, String resource, String prefix, String expected, Executable call) {
    }

    List<Case> cases() {
        String own = "acs:oss:*:*:app-bucket/users/alice/";
        return List.of(
                new Case("oss:GetObject", own + "uploads/a.txt", null, "allowed",
                        () -> alice.getObject(BUCKET, "users/alice/uploads/a.txt").close()),
                new Case("oss:PutObject", own + "uploads/b.txt", null, "allowed",
                        () -> put(alice, BUCKET, "users/alice/uploads/b.txt", "b")),
                new Case("oss:DeleteObject", own + "uploads/b.txt", null, "allowed",
                        () -> alice.deleteObject(BUCKET, "users/alice/uploads/b.txt")),
                new Case("oss:ListObjects", "acs:oss:*:*:app-bucket", "users/alice/", "allowed",
                        () -> alice.listObjects(BUCKET, "users/alice/")),
                // Session policy: bob's prefix, another bucket, the bucket root, a neighbour's listing.
                new Case("oss:GetObject", "acs:oss:*:*:app-bucket/users/bob/uploads/x.txt", null, "implicitly-denied",
                        () -> alice.getObject(BUCKET, "users/bob/uploads/x.txt").close()),
                new Case("oss:PutObject", "acs:oss:*:*:other-bucket/users/alice/uploads/x.txt", null,
                        "implicitly-denied", () -> put(alice, "other-bucket", "users/alice/uploads/x.txt", "x")),
                new Case("oss:ListObjects", "acs:oss:*:*:app-bucket", null, "implicitly-denied",
                        () -> alice.listObjects(BUCKET)),
                new Case("oss:ListObjects", "acs:oss:*:*:app-bucket", "users/bob/", "implicitly-denied",
                        () -> alice.listObjects(BUCKET, "users/bob/")),
                // The role's own policy: it allows PutObject only under uploads/, and denies legal-hold deletes.
                new Case("oss:PutObject", own + "notes.txt", null, "implicitly-denied",
                        () -> put(alice, BUCKET, "users/alice/notes.txt", "n")),
                new Case("oss:DeleteObject", own + "legal-hold/contract.pdf", null, "explicitly-denied",
                        () -> alice.deleteObject(BUCKET, "users/alice/legal-hold/contract.pdf")));
    }

    @Test
    void explainsDecisionIsWhatTheEmulatorDoes() throws Throwable {
        for (Case c : cases()) {
            String label = c.action() + " " + c.resource() + (c.prefix() == null ? "" : " prefix=" + c.prefix());
            assertEquals(c.expected(), explain(c).getString("decision.decision"), label);
            if (c.expected().equals("allowed")) {
                c.call().execute();
            } else {
                OSSException e = assertThrows(OSSException.class, c.call(), label);
                assertEquals("AccessDenied", e.getErrorCode(), label);
                assertEquals(DENIED_BY_POLICY, e.getErrorMessage(), label);
            }
        }
    }

    @Test
    void sayWhichPolicyAndStatementDecided() {
        List<Case> cases = cases();
        JsonPath roleImplicit = explain(cases.get(8));
        assertTrue(roleImplicit.getBoolean("decision.sessionPolicy.allows"));
        assertFalse(roleImplicit.getBoolean("decision.rolePolicy.allows"));
        assertTrue(roleImplicit.getString("decision.reason").contains("role's own policy"),
                roleImplicit.getString("decision.reason"));

        JsonPath explicit = explain(cases.get(9));
        assertEquals("role", explicit.getString("decision.explicitDenies[0].policy"));
        assertEquals(2, explicit.getInt("decision.explicitDenies[0].statement"));
        assertEquals("LegalHold", explicit.getString("decision.explicitDenies[0].sid"));

        JsonPath neighbour = explain(cases.get(4));
        assertFalse(neighbour.getBoolean("decision.sessionPolicy.allows"));
        assertTrue(neighbour.getString("decision.reason").contains("no statement of the session policy"));
    }

    @Test
    void theSessionPolicyIsExactlyTheOneInTheVendedToken() {
        String text = given().auth().oauth2(jwt).when().get("/credentials/explain").then().statusCode(200)
                .extract().asString();
        JsonPath body = new JsonPath(text);
        String sent = box.readSessionToken(vended.securityToken()).policy().orElseThrow();
        assertEquals(sent, rawSessionPolicy(text), "byte for byte what AssumeRole received");
        assertEquals("issued", body.getString("credentials.outcome"));
        assertEquals("matched", body.getString("rules[0].outcome"));
        assertEquals("claim groups does not contain viewer", body.getString("rules[1].reason"));
    }

    @Test
    void neitherTheBodyNorTheLogsCarryATokenOrKey() {
        try (LogCapture logs = LogCapture.install()) {
            StringBuilder seen = new StringBuilder();
            for (Case c : cases()) {
                seen.append(explainBody(c));
            }
            seen.append(given().auth().oauth2(jwt).when().get("/credentials/explain").asString());
            logs.lines().forEach(l -> seen.append(l.text()));
            for (String secret : List.of(jwt, vended.accessKeySecret(), vended.securityToken(), ramSecret)) {
                assertFalse(seen.toString().contains(secret), "a secret leaked");
            }
            assertFalse(seen.toString().contains(vended.accessKeyId()), "explain never names an access key");
        }
    }

    JsonPath explain(Case c) {
        return new JsonPath(explainBody(c));
    }

    String explainBody(Case c) {
        var request = given().auth().oauth2(jwt).queryParam("action", c.action()).queryParam("resource", c.resource());
        if (c.prefix() != null) {
            request.queryParam("prefix", c.prefix());
        }
        return request.when().get("/credentials/explain").then().statusCode(200).extract().asString();
    }

    /** The sessionPolicy member's text exactly as rendered (a raw JSON value, not re-serialised). */
    static String rawSessionPolicy(String body) {
        int start = body.indexOf("\"sessionPolicy\":") + "\"sessionPolicy\":".length();
        int end = body.indexOf(",\"sessionPolicyFingerprint\"");
        return body.substring(start, end);
    }
}
