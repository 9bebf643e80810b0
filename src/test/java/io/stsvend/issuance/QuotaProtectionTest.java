package io.stsvend.issuance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.stsvend.testing.CredentialsCalls.accessKeyId;
import static io.stsvend.testing.CredentialsCalls.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quota protection with tight limits (this profile only): 2 misses per subject per hour, 5 AssumeRole tries per
 * hour in all. An extra grant rule on a {@code project} claim lets a caller rotate claims to force misses.
 *
 * <p>Ordered because the global limit is shared by the whole application: the miss-limit test spends 3 of its 5
 * permits, the global test then exhausts it.
 */
@QuarkusTest
@TestProfile(QuotaProtectionTest.TightLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaProtectionTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "stsvend.miss-limit.per-subject", "2",
                    "stsvend.miss-limit.window", "1h",
                    "stsvend.resilience.rate-limit.limit", "5",
                    "stsvend.resilience.rate-limit.window", "1h",
                    "stsvend.grants.rules[2].name", "project",
                    "stsvend.grants.rules[2].bucket", "app-bucket",
                    "stsvend.grants.rules[2].prefix", "projects/\\${claim.project}/",
                    "stsvend.grants.rules[2].access", "read");
        }
    }

    @Inject
    CloudBox box;

    @Inject
    MutableClock clock;

    static String tokenFor(String subject, String project) {
        return TestTokens.claims(subject).claim("project", project).sign(TestTokens.privateKey("test-keys/privateKey.pem"));
    }

    long stsCalls() {
        return box.assumeRoleCalls();
    }

    @Test
    @Order(1)
    void callerRotatingClaimsGets429AfterTheirMissBudget() {
        long before = stsCalls();
        String p1 = accessKeyId(tokenFor("rotator", "p1"));
        accessKeyId(tokenFor("rotator", "p2"));
        Response refused = get(tokenFor("rotator", "p3"));
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate-limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 1700 && retryAfter <= 1800, "one more miss every 30 minutes, is " + retryAfter);
        assertEquals(before + 2, stsCalls(), "the refused miss never reached STS");

        assertEquals(p1, accessKeyId(tokenFor("rotator", "p1")), "tokens already cached are still served");
        accessKeyId(tokenFor("bystander", "p1"));
        clock.advance(Duration.ofMinutes(30));
        accessKeyId(tokenFor("rotator", "p3"));
        assertEquals(before + 4, stsCalls());
        given().when().get("/q/metrics").then()
                .body(containsString("stsvend_rate_limit_rejections_total{scope=\"subject\"} 1.0"));
    }

    @Test
    @Order(2)
    void globalLimitRefusesFurtherTriesWith503() {
        Response refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            Response response = get(tokenFor("global-" + i, "p1"));
            if (response.statusCode() != 200) {
                refused = response;
            }
        }
        assertTrue(refused != null, "the sixth AssumeRole try of the hour is refused at the latest");
        refused.then().statusCode(503).body("code", equalTo("sts-throttled"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
        assertEquals(5, stsCalls(), "exactly the 5 permitted tries reached STS");
        given().when().get("/q/metrics").then()
                .body(containsString("stsvend_rate_limit_rejections_total{scope=\"global\"}"));
    }

    @Test
    @Order(3)
    void triesRefusedByTheGlobalLimitNeitherSpendTheMissBudgetNorCountAsAssumeRoleCalls() {
        long calls = stsCalls();
        for (int i = 0; i < 4; i++) {
            get(tokenFor("never-sent", "p" + i)).then().statusCode(503).body("code", equalTo("sts-throttled"));
        }
        // 4 misses, twice the budget of 2: none reached STS, so none was counted against the subject.
        assertEquals(calls, stsCalls());
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(stsCalls(), sum(metrics, "stsvend_sts_assume_role_seconds_count{"),
                "the AssumeRole histogram counts exactly the calls STS received");
        assertTrue(sum(metrics, "stsvend_sts_assume_role_refused_total{reason=\"rate-limit\"}") >= 4, metrics);
    }

    private static long sum(String metrics, String prefix) {
        return Math.round(metrics.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
    }
}
