package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A full run — misses, hits, STS failures of every class, refused callers — with every log record captured (DEBUG
 * for the service and the SDK): no AccessKeySecret, SecurityToken or JWT that passed through appears in any of them.
 */
@QuarkusTest
class SecretsNeverLoggedTest {

    @Inject
    CloudBox box;

    @Test
    void noSecretOrBearerTokenReachesTheLogs() {
        List<String> secrets = new ArrayList<>();
        try (LogCapture logs = LogCapture.install()) {
            for (String sub : List.of("logs-alice", "logs-bob")) {
                String jwt = TestTokens.forSubject(sub, "viewer");
                secrets.add(jwt);
                for (int i = 0; i < 2; i++) {
                    JsonPath body = given().auth().oauth2(jwt).when().get("/credentials").then().statusCode(200)
                            .extract().jsonPath();
                    secrets.add(body.getString("accessKeySecret"));
                    secrets.add(body.getString("securityToken"));
                }
            }
            for (InjectedError error : List.of(InjectedError.throttling(), InjectedError.serviceUnavailable(),
                    new InjectedError(403, "NoPermission", "denied"), new InjectedError(400, "Odd", "odd"))) {
                box.faults().failAllCalls(error);
                String jwt = TestTokens.forSubject("logs-failing-" + error.code().replace('.', '-'));
                secrets.add(jwt);
                given().auth().oauth2(jwt).when().get("/credentials").then().statusCode(error.status() == 403 ? 500
                        : error.code().startsWith("Odd") ? 502 : 503);
                box.faults().reset();
            }
            String refused = TestTokens.forSubject("../bob");
            secrets.add(refused);
            given().auth().oauth2(refused).when().get("/credentials").then().statusCode(403);
            String forged = TestTokens.claims("logs-alice").sign(TestTokens.privateKey("test-keys/otherPrivateKey.pem"));
            secrets.add(forged);
            given().auth().oauth2(forged).when().get("/credentials").then().statusCode(401);

            assertFalse(logs.lines().isEmpty(), "the capture works: the run logged something");
            for (String secret : secrets) {
                assertEquals(List.of(), logs.linesContaining(secret), "a secret value was logged");
            }
        }
    }
}
