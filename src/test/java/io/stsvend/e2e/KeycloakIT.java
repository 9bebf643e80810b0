package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.testing.Keycloak;
import io.stsvend.testing.TestIdp;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.stsvend.e2e.KeycloakRealms.CLIENT;
import static io.stsvend.e2e.KeycloakRealms.NO_AUDIENCE_CLIENT;
import static io.stsvend.e2e.KeycloakRealms.OTHER_REALM;
import static io.stsvend.e2e.KeycloakRealms.REALM;
import static io.stsvend.e2e.KeycloakRealms.SHORT_LIVED_CLIENT;
import static io.stsvend.e2e.KeycloakRealms.USER;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged service against a real Keycloak 26 signing the tokens (see {@link Keycloak}): a user logs in with
 * the password grant, gets credentials and uses them with the OSS SDK on the emulator; tokens of another realm, of a
 * client without the audience, ID, refresh, tampered and expired tokens are refused; and a key rotation after a stray
 * unknown-kid token is picked up within seconds, the removed key stopping within the refresh bound.
 */
@QuarkusIntegrationTest
@WithTestResource(KeycloakRealms.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class KeycloakIT {

    static JsonPath login(String realm, String client) {
        return Keycloak.shared().login(realm, client, USER, KeycloakRealms.password());
    }

    static void assertUnauthenticated(String token) {
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    @Order(1)
    void aKeycloakUserGetsCredentialsThatWorkWithTheOssSdk() {
        String token = login(REALM, CLIENT).getString("access_token");
        String sub = given().auth().oauth2(token).when().get("/credentials").then().statusCode(200)
                .body("grants.prefix", hasItem("shared/"))   // the groups mapper's "viewer"
                .extract().path("grants.find { it.prefix.startsWith('users/') }.prefix");
        Vended vended = Vended.forJwt(token);
        OSS oss = vended.client(SignVersion.V4);
        try {
            OssAssertions.put(oss, "app-bucket", sub + "hello.txt", "from keycloak");
            assertEquals("from keycloak", OssAssertions.read(oss, "app-bucket", sub + "hello.txt"));
            OssAssertions.assertDenied(() -> OssAssertions.put(oss, "app-bucket", "users/someone-else/x", "no"));
        } finally {
            oss.shutdown();
        }
    }

    @Test
    @Order(2)
    void tokensTheServiceMustNotAcceptAre401() {
        JsonPath tokens = login(REALM, CLIENT);
        assertUnauthenticated(login(OTHER_REALM, CLIENT).getString("access_token"));
        assertUnauthenticated(login(REALM, NO_AUDIENCE_CLIENT).getString("access_token"));
        assertUnauthenticated(tokens.getString("id_token"));
        assertUnauthenticated(tokens.getString("refresh_token"));
        String[] parts = tokens.getString("access_token").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"" + USER + "\"", "\"mallory\"");
        assertUnauthenticated(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2]);
    }

    @Test
    @Order(3)
    void anExpiredKeycloakTokenIs401() {
        String token = login(REALM, SHORT_LIVED_CLIENT).getString("access_token");
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(200);
        // Refused once its lifespan is over (the service allows no clock skew here).
        await().atMost(3, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(token).when().get("/credentials").statusCode() == 401);
        assertUnauthenticated(token);
    }

    @Test
    @Order(4)
    void aRotatedKeyIsAcceptedWithinSecondsAfterAStrayKidAndTheRemovedOneStops() {
        Keycloak keycloak = Keycloak.shared();
        String before = login(REALM, CLIENT).getString("access_token");
        given().auth().oauth2(before).when().get("/credentials").then().statusCode(200);
        // A stray token with a kid the IdP never had.
        assertUnauthenticated(TestIdp.token(TestIdp.key("stray-kid"), USER));

        List<String> old = keycloak.rsaKeyProviders(REALM);
        keycloak.addRsaKey(REALM, "rotated", 200);
        String rotated = login(REALM, CLIENT).getString("access_token");
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(rotated).when().get("/credentials").statusCode() == 200);

        old.forEach(id -> keycloak.removeComponent(REALM, id));
        // Bound: stsvend.jwks.refresh-interval (30 s here) plus one fetch.
        await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(before).when().get("/credentials").statusCode() == 401);
        given().auth().oauth2(rotated).when().get("/credentials").then().statusCode(200);
    }
}
