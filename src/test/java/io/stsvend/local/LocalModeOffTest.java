package io.stsvend.local;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With local mode off, no emulator runs, the demo-token and benchmark-floor paths do not exist, and the real settings
 * are used.
 */
@QuarkusTest
@TestProfile(LocalModeOffTest.Production.class)
class LocalModeOffTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsvend.local.enabled", "false",
                    "stsvend.sts.access-key-id", "test-key-id",
                    "stsvend.sts.access-key-secret", "test-key-secret",
                    "stsvend.sts.endpoint", "127.0.0.1:9",
                    "stsvend.sts.protocol", "http");
        }
    }

    @Inject
    LocalCloud cloud;

    @Test
    void noEmulatorsAndNoDemoTokens() {
        assertFalse(cloud.running());
        given().when().get("/local/token?sub=alice").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"));
    }

    @Test
    void noFloorRoute() {
        given().auth().oauth2(TestTokens.forSubject("alice")).when().get("/local/floor").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not-found"));
    }
}
