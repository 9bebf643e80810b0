package io.stsvend.sts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.stsvend.local.LocalCloud;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.Parallel;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.stsvend.testing.CredentialsCalls.accessKeyId;
import static io.stsvend.testing.CredentialsCalls.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STS faults through the emulator's fault controls, with the test profile's guard: total timeout 3 s, 2 retries,
 * breaker opening after 10 failed tries in a row with a 2 s delay, bulkhead of 2 in flight plus 2 waiting. Every test starts
 * and ends with a closed breaker and a healthy STS, and checks the Vert.x blocked-thread checker stayed silent.
 */
@QuarkusTest
class StsFaultToleranceTest {

    @Inject
    LocalCloud cloud;

    @Inject
    CircuitBreakerMaintenance breakers;

    LogCapture logs;

    @BeforeEach
    void healthy() {
        breakers.resetAll();
        // One served request first, so JVM warm-up (class loading on a first request) is not what the
        // blocked-thread check below looks at.
        accessKeyId(TestTokens.forSubject("fault-warm-up"));
        logs = LogCapture.install();
    }

    @AfterEach
    void restore() {
        sts().faults().reset();
        breakers.resetAll();
        logs.close();
        assertTrue(logs.lines().stream().noneMatch(l -> l.category().contains("BlockedThreadChecker")),
                "an event-loop thread was blocked");
    }

    CloudBox sts() {
        return cloud.box();
    }

    static String cold() {
        return TestTokens.forSubject("cold-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static void assertProblem(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("code", equalTo(code));
    }

    static String code(Response response) {
        return response.statusCode() == 200 ? null : response.jsonPath().getString("code");
    }

    @Test
    void outageServesWarmCallersAndRefusesColdOnesWithRetryAfter() {
        String warm = TestTokens.forSubject("outage-warm");
        String key = accessKeyId(warm);
        sts().faults().failAllCalls(InjectedError.serviceUnavailable());
        assertEquals(key, accessKeyId(warm));
        assertProblem(get(cold()), 503, "sts-unavailable");
    }

    @Test
    void hangingStsCutsColdCallersAtTheTotalTimeoutAndWarmOnesNeverWait() {
        String warm = TestTokens.forSubject("hang-warm");
        String key = accessKeyId(warm);
        sts().faults().delayResponses(Duration.ofSeconds(4));
        long before = sts().assumeRoleCalls();
        // A generous guard against hanging, not a timing assertion: the service gives up after 3 s.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertProblem(get(cold()), 503, "sts-unavailable");
            assertEquals(key, accessKeyId(warm));
        });
        assertEquals(before + 1, sts().assumeRoleCalls(), "a call cut by the timeout is not retried");
    }

    @Test
    void throttledCallIsRetriedUntilItSucceeds() {
        sts().faults().failNextAssumeRoleCalls(2, InjectedError.throttling());
        long before = sts().assumeRoleCalls();
        accessKeyId(cold());
        assertEquals(before + 3, sts().assumeRoleCalls());
    }

    @Test
    void persistentThrottlingStopsAfterTheLastRetry() {
        sts().faults().failAllCalls(InjectedError.throttling());
        long before = sts().assumeRoleCalls();
        assertProblem(get(cold()), 503, "sts-throttled");
        assertEquals(before + 3, sts().assumeRoleCalls(), "one try and two retries, then the caller is answered");
    }

    @Test
    void misconfigurationIsNeverRetried() {
        sts().faults().failNextAssumeRoleCalls(1, new InjectedError(403, "NoPermission", "You are not authorized"));
        long before = sts().assumeRoleCalls();
        get(cold()).then().statusCode(500).body("code", equalTo("sts-misconfigured"));
        assertEquals(before + 1, sts().assumeRoleCalls());
    }

    @Test
    void breakerOpensDuringAnOutageAndClosesAfterItsDelayOnceStsIsBack() {
        String warm = TestTokens.forSubject("breaker-warm");
        String key = accessKeyId(warm);
        sts().faults().failAllCalls(InjectedError.serviceUnavailable());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            get(cold());
            return breakers.currentState(AssumeRoleGuard.BREAKER) == CircuitBreakerState.OPEN;
        });
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sts' }.data.circuitBreaker", equalTo("open"));
        long calls = sts().assumeRoleCalls();
        Response refused = get(cold());
        assertProblem(refused, 503, "sts-unavailable");
        assertEquals("2", refused.header("Retry-After"), "an open breaker asks callers to wait its delay");
        assertEquals(calls, sts().assumeRoleCalls(), "an open breaker does not call STS");
        assertEquals(key, accessKeyId(warm), "warm callers are still served");

        sts().faults().reset();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(cold()).statusCode() == 200);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(AssumeRoleGuard.BREAKER));
    }

    @Test
    void bulkheadBoundsCallsInFlightAndRefusesTheRest() throws Exception {
        sts().faults().delayResponses(Duration.ofMillis(1200));
        long before = sts().assumeRoleCalls();
        List<String> tokens = IntStream.range(0, 16).mapToObj(i -> cold()).toList();
        List<Response> responses = Parallel.run(16, i -> () -> get(tokens.get(i)));
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        long throttled = responses.stream().filter(r -> "sts-throttled".equals(code(r))).count();
        assertTrue(throttled > 0, () -> "more cold callers than 2 in flight plus 2 waiting: some refused " + statuses);
        assertEquals(before + tokens.size() - throttled, sts().assumeRoleCalls(),
                "a caller refused by the bulkhead never reached STS; every other one made exactly one call");
    }
}
