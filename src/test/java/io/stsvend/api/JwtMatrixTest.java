package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every way a bearer token can be wrong gets 401 problem+json with a Bearer challenge. Each case changes exactly one
 * thing from {@link TestTokens#claims(String)} signed with the test key. Pure HTTP, so io.stsvend.it.JwtMatrixIT
 * reruns it against the packaged application.
 */
@QuarkusTest
public class JwtMatrixTest {

    @Test
    void missingTokenIs401WithChallenge() {
        given().when().get("/credentials").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void expiredToken() {
        long now = System.currentTimeMillis() / 1000;
        assertRejected(TestTokens.claims("alice").issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(TestTokens.privateKey("test-keys/privateKey.pem")));
    }

    @Test
    void notYetValidToken() {
        long now = System.currentTimeMillis() / 1000;
        assertRejected(TestTokens.claims("alice").claim("nbf", now + 3600)
                .sign(TestTokens.privateKey("test-keys/privateKey.pem")));
    }

    @Test
    void wrongIssuer() {
        assertRejected(TestTokens.claims("alice").issuer("https://evil.example")
                .sign(TestTokens.privateKey("test-keys/privateKey.pem")));
    }

    @Test
    void wrongAudience() {
        assertRejected(TestTokens.claims("alice").audience("another-service")
                .sign(TestTokens.privateKey("test-keys/privateKey.pem")));
    }

    @Test
    void signedByAnotherKey() {
        assertRejected(TestTokens.claims("alice").sign(TestTokens.privateKey("test-keys/otherPrivateKey.pem")));
    }

    @Test
    void tamperedPayload() {
        String[] parts = TestTokens.forSubject("alice").split("\\.");
        String forged = parts[0] + "." + TestTokens.b64(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("\"alice\"", "\"bob\"")) + "." + parts[2];
        assertRejected(forged);
    }

    @Test
    void algNone() {
        String[] parts = TestTokens.forSubject("alice").split("\\.");
        assertRejected(TestTokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        String[] parts = TestTokens.forSubject("alice").split("\\.");
        String signingInput = TestTokens.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestTokens.publicKeyPem().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        assertRejected(signingInput + "." + signature);
    }

    @Test
    void garbage() {
        assertRejected("not-a-jwt");
    }

    @Test
    void tokenOnlyInTheQueryStringIsIgnored() {
        given().queryParam("access_token", TestTokens.forSubject("alice"))
                .when().get("/credentials").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    private static void assertRejected(String token) {
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthenticated"));
    }
}
