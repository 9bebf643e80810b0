package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stsvend.testing.JwksControl;
import io.stsvend.testing.JwksResource;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestIdp;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.stsvend.testing.JwksControl.control;
import static io.stsvend.testing.JwksControl.key;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The service wired to a JWKS URL: Quarkus verifies with {@link io.stsvend.identity.JwksJwtParser}, a token of a
 * key rotated in after a stray unknown kid is accepted on its first request once the rate-limit interval has
 * passed, and readiness reports the key set.
 */
@QuarkusTest
@TestProfile(JwksRotationTest.Jwks.class)
class JwksRotationTest {

    public static class Jwks implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(JwksResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsvend.jwks.unknown-kid-min-interval", "5s");
        }
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void restore() {
        JwksControl.restore();
    }

    @Test
    void aKeyRotatedInAfterAStrayKidIsAcceptedOnItsFirstRequest() {
        given().auth().oauth2(TestIdp.token(key("key-a"), "alice")).when().get("/credentials").then().statusCode(200);
        given().auth().oauth2(TestIdp.token(key("stranger"), "mallory")).when().get("/credentials").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));

        control("publish=key-a,key-b");
        clock.advance(Duration.ofSeconds(5));
        given().auth().oauth2(TestIdp.token(key("key-b"), "alice")).when().get("/credentials").then().statusCode(200);
        given().auth().oauth2(TestIdp.token(key("key-a"), "bob")).when().get("/credentials").then().statusCode(200);
    }

    @Test
    void whileTheIdpHangsKnownKeysVerifyAndUnknownKidsGet401() {
        given().auth().oauth2(TestIdp.token(key("key-a"), "carol")).when().get("/credentials").then().statusCode(200);
        control("mode=HANG");
        clock.advance(Duration.ofMinutes(10));
        given().auth().oauth2(TestIdp.token(key("stranger"), "mallory")).when().get("/credentials").then()
                .statusCode(401).body("code", equalTo("unauthenticated"));
        given().auth().oauth2(TestIdp.token(key("key-a"), "carol")).when().get("/credentials").then().statusCode(200);
    }

    @Test
    void readinessReportsTheKeySet() {
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'jwks' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'jwks' }.data.source", equalTo("jwks"))
                .body("checks.name", hasItem("jwks"));
    }
}
