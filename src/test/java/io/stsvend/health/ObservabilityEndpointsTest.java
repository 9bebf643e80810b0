package io.stsvend.health;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import io.stsvend.testing.TestReadiness;

import static io.restassured.RestAssured.given;
import static io.stsvend.testing.CredentialsCalls.accessKeyId;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Health probes and Prometheus meters, as Kubernetes and the monitoring stack read them. */
@QuarkusTest
class ObservabilityEndpointsTest {

    @Inject
    CloudBox box;

    @Inject
    MutableClock clock;

    long stsCalls() {
        return box.assumeRoleCalls();
    }

    @Test
    void livenessIsUpAndIndependentOfSts() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'stsvend' }.status", equalTo("UP"));
    }

    @Test
    void readinessReportsConfigurationAndBreakerWithoutCallingSts() {
        TestReadiness.awaitReady();
        long before = stsCalls();
        for (int i = 0; i < 5; i++) {
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'configuration' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'warmup' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'sts' }.data.circuitBreaker", equalTo("closed"));
        }
        assertEquals(before, stsCalls(), "probes never call AssumeRole");
    }

    @Test
    void metricsCoverRequestsLatencyCacheRefreshesLimitsAndBreaker() {
        String token = TestTokens.forSubject("metrics-mia");
        String first = accessKeyId(token);
        accessKeyId(token);
        clock.advance(Duration.ofMinutes(31));
        accessKeyId(token);
        await().atMost(Duration.ofSeconds(20)).until(() -> !accessKeyId(token).equals(first));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : new String[] {
            "stsvend_credentials_requests_total{outcome=\"hit\"}",
            "stsvend_credentials_requests_total{outcome=\"miss\"}",
            "stsvend_sts_assume_role_seconds_bucket{code=\"none\",outcome=\"success\",le=",
            "stsvend_credentials_refreshes_total{outcome=\"success\"}",
            "stsvend_rate_limit_rejections_total{scope=\"global\"}",
            "stsvend_sts_circuit_breaker{state=\"closed\"} 1.0",
            "stsvend_sts_circuit_breaker{state=\"open\"} 0.0",
            "stsvend_sts_bulkhead_rejections_total",
            "stsvend_sts_retries_total",
            "cache_evictions_total{cache=\"sts-credentials\"",
            "cache_size{cache=\"sts-credentials\"",
            "cache_gets_total{cache=\"sts-credentials\",result=\"hit\"}",
        }) {
            org.hamcrest.MatcherAssert.assertThat(metrics, containsString(expected));
        }
    }
}
