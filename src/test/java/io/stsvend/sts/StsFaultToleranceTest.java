package io.stsvend.sts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import io.stsvend.testing.TestReadiness;

import static io.restassured.RestAssured.given;
import static io.stsvend.testing.CredentialsCalls.accessKeyId;
import static io.stsvend.testing.CredentialsCalls.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STS faults through the emulator's fault controls and the HTTP API, with the test profile's guard: total timeout
 * 3 s, 2 retries, breaker opening after 10 failed tries in a row
 * with a 5 min delay (far longer than any test runs, so only a moved clock ends it), bulkhead of 2 in flight plus 2
 * waiting. Nothing here waits for the guard's timing: the breaker's delay passes on the service's {@link MutableClock};
 * the total timeout and the bulkhead are driven step by step in {@link AssumeRoleGuardTimingTest}. Every test starts
 * and ends with a closed breaker, a healthy STS and the real time, and checks the Vert.x blocked-thread checker
 * stayed silent.
 */
@QuarkusTest
class StsFaultToleranceTest {

    @Inject
    CloudBox box;

    @Inject
    AssumeRoleGuard guard;

    @Inject
    MutableClock clock;

    @Inject
    ResilienceConfig resilience;

    LogCapture logs;

    @BeforeEach
    void warmUpAndCapture() {
        // One served request first, so JVM warm-up (class loading on a first request) is not what the
        // blocked-thread check below looks at.
        accessKeyId(TestTokens.forSubject("fault-warm-up"));
        logs = LogCapture.install();
    }

    @AfterEach
    void restore() {
        logs.close();
        assertTrue(logs.lines().stream().noneMatch(l -> l.category().contains("BlockedThreadChecker")),
                "an event-loop thread was blocked");
    }

    static String cold() {
        return TestTokens.forSubject("cold-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static void assertProblem(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("code", equalTo(code));
    }

    @Test
    void outageServesWarmCallersAndRefusesColdOnesWithRetryAfter() {
        String warm = TestTokens.forSubject("outage-warm");
        String key = accessKeyId(warm);
        box.faults().failAllCalls(InjectedError.serviceUnavailable());
        assertEquals(key, accessKeyId(warm));
        assertProblem(get(cold()), 503, "sts-unavailable");
    }

    @Test
    void warmCallersNeverWaitForAHangingSts() {
        String warm = TestTokens.forSubject("hang-warm");
        String key = accessKeyId(warm);
        // Longer than the total timeout: a caller who needed STS now would be cut (AssumeRoleGuardTimingTest).
        box.faults().delayResponses(Duration.ofSeconds(4));
        long before = box.assumeRoleCalls();
        assertEquals(key, accessKeyId(warm));
        assertEquals(before, box.assumeRoleCalls(), "a warm caller is served without asking STS");
    }

    @Test
    void throttledCallIsRetriedUntilItSucceeds() {
        box.faults().failNextAssumeRoleCalls(2, InjectedError.throttling());
        long before = box.assumeRoleCalls();
        accessKeyId(cold());
        assertEquals(before + 3, box.assumeRoleCalls());
    }

    @Test
    void persistentThrottlingStopsAfterTheLastRetry() {
        box.faults().failAllCalls(InjectedError.throttling());
        long before = box.assumeRoleCalls();
        assertProblem(get(cold()), 503, "sts-throttled");
        assertEquals(before + 3, box.assumeRoleCalls(), "one try and two retries, then the caller is answered");
    }

    @Test
    void misconfigurationIsNeverRetried() {
        box.faults().failNextAssumeRoleCalls(1, new InjectedError(403, "NoPermission", "You are not authorized"));
        long before = box.assumeRoleCalls();
        get(cold()).then().statusCode(500).body("code", equalTo("sts-misconfigured"));
        assertEquals(before + 1, box.assumeRoleCalls());
    }

    @Test
    void breakerOpensDuringAnOutageAndClosesAfterItsDelayOnceStsIsBack() {
        TestReadiness.awaitReady();
        String warm = TestTokens.forSubject("breaker-warm");
        String key = accessKeyId(warm);
        box.faults().failAllCalls(InjectedError.serviceUnavailable());
        // 10 failed tries in a row open it; each cold caller makes up to 3 (one try, two retries).
        for (int caller = 0; caller < 10 && guard.circuitBreakerState() != CircuitBreakerState.OPEN; caller++) {
            get(cold());
        }
        assertEquals(CircuitBreakerState.OPEN, guard.circuitBreakerState());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sts' }.data.circuitBreaker", equalTo("open"));
        long calls = box.assumeRoleCalls();
        Response refused = get(cold());
        assertProblem(refused, 503, "sts-unavailable");
        assertEquals(String.valueOf(resilience.circuitBreaker().delay().toSeconds()), refused.header("Retry-After"),
                "an open breaker asks callers to wait its delay");
        assertEquals(calls, box.assumeRoleCalls(), "an open breaker does not call STS");
        assertEquals(key, accessKeyId(warm), "warm callers are still served");

        box.faults().reset();
        assertProblem(get(cold()), 503, "sts-unavailable");
        assertEquals(calls, box.assumeRoleCalls(), "a recovered STS is not asked before the delay has passed");
        // The delay passes on the service's clock (its exact boundary: AssumeRoleBreakerTest).
        clock.advance(resilience.circuitBreaker().delay());
        get(cold()).then().statusCode(200);
        assertEquals(calls + 1, box.assumeRoleCalls(), "one trial call once the delay has passed");
        assertEquals(CircuitBreakerState.CLOSED, guard.circuitBreakerState());
    }
}
