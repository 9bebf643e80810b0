package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** What a caller sees when STS fails: the catalogue code, Retry-After where it fits, and none of STS's text. */
@QuarkusTest
class StsFailureMappingTest {

    @Inject
    CloudBox box;

    private void failWith(InjectedError error) {
        box.faults().failAllCalls(error);
    }

    @Test
    void throttlingIs503WithRetryAfter() {
        failWith(InjectedError.throttling());
        given().auth().oauth2(TestTokens.forSubject("map-throttled")).when().get("/credentials").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("code", equalTo("sts-throttled"))
                .body(not(containsString("Throttling.User")))
                .body(not(containsString("flow control")));
    }

    @Test
    void unavailableStsIs503WithRetryAfter() {
        failWith(InjectedError.serviceUnavailable());
        given().auth().oauth2(TestTokens.forSubject("map-unavailable")).when().get("/credentials").then()
                .statusCode(503)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("code", equalTo("sts-unavailable"));
    }

    @Test
    void permissionErrorIsMisconfiguredWithoutRetryAfter() {
        failWith(new InjectedError(403, "NoPermission",
                "You are not authorized to do this action. You should be authorized by RAM."));
        given().auth().oauth2(TestTokens.forSubject("map-noperm")).when().get("/credentials").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("code", equalTo("sts-misconfigured"))
                .body(not(containsString("RAM")));
    }

    @Test
    void unknownStsErrorIs502() {
        failWith(new InjectedError(400, "Something.Unexpected", "A message the service must not relay."));
        given().auth().oauth2(TestTokens.forSubject("map-unknown")).when().get("/credentials").then()
                .statusCode(502)
                .body("code", equalTo("sts-error"))
                .body(not(containsString("must not relay")));
    }
}
