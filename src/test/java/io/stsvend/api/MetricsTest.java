package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The Prometheus meters the issue names exist, with outcome tags, after a miss and a hit. */
@QuarkusTest
class MetricsTest {

    @Test
    void issuanceMetersArePublished() {
        String token = TestTokens.forSubject("metrics-user");
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(200);
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(200);
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(matchesPattern("(?s).*stsvend_sts_assume_role_seconds_count\\{[^}]*outcome=\"success\".*"))
                .body(containsString("stsvend_sts_assume_role_seconds_bucket{"))
                .body(containsString("stsvend_credentials_requests_total{outcome=\"miss\""))
                .body(containsString("stsvend_credentials_requests_total{outcome=\"hit\""))
                .body(containsString("cache=\"sts-credentials\""))
                .body(containsString("cache_size{"))
                .body(not(containsString("metrics-user")));
    }

    @Test
    void ownMetersExistFromStartupAtZero() {
        // No test in this profile shares a cache, opens the breaker or sends an unbound callback: these series
        // exist only because they are registered at startup.
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("stsvend_credentials_requests_total{outcome=\"remote\"} 0.0"))
                .body(containsString("stsvend_credentials_refreshes_total{outcome=\"failure\"}"))
                .body(containsString("stsvend_rate_limit_rejections_total{scope=\"subject\"}"))
                .body(containsString("stsvend_sts_assume_role_refused_total{reason=\"circuit-open\"} 0.0"))
                .body(containsString("stsvend_sts_assume_role_seconds_count{code=\"none\",outcome=\"success\"}"))
                .body(containsString("stsvend_upload_callbacks_total{outcome=\"unbound\"}"));
    }
}
