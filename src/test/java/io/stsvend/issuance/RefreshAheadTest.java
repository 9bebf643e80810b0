package io.stsvend.issuance;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.audit.AuditTrail;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.Parallel;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.stsvend.testing.CredentialsCalls.accessKeyId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refresh ahead through the real service: 3600 s tokens enter their refresh window after 30 minutes of service
 * time (the test moves the clock); the emulator's delay keeps a refresh in flight while requests arrive.
 */
@QuarkusTest
class RefreshAheadTest {

    @Inject
    CloudBox box;

    @Inject
    MutableClock clock;

    @Test
    void fiftyRequestsDuringARefreshMakeExactlyOneStsCall() throws Exception {
        String token = TestTokens.forSubject("refresh-fifty");
        String first = accessKeyId(token);
        long before = box.assumeRoleCalls();
        clock.advance(Duration.ofMinutes(31));
        box.faults().delayResponses(Duration.ofMillis(500));
        try (LogCapture logs = LogCapture.install()) {
            List<String> served = Parallel.run(50, i -> () -> accessKeyId(token));
            assertTrue(served.contains(first), "callers were served the old token while the refresh ran");

            await().atMost(Duration.ofSeconds(20)).until(() -> logs.texts(AuditTrail.CATEGORY).stream()
                    .anyMatch(line -> line.contains("\"subject\":\"refresh-fifty\"")
                            && line.contains("\"cache\":\"refresh\"")));
            assertEquals(before + 1, box.assumeRoleCalls(), "one refresh for the key, however many callers");
        }
        // The key is replaced: by that refresh, or (if a loaded machine made it time out) by the next one.
        box.faults().reset();
        clock.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !accessKeyId(token).equals(first));
    }

    @Test
    void failedRefreshKeepsServingTheTokenAndIsRetriedAfterTheBackOff() {
        String token = TestTokens.forSubject("refresh-failing");
        String first = accessKeyId(token);
        clock.advance(Duration.ofMinutes(31));
        box.faults().failAllCalls(InjectedError.serviceUnavailable());
        long before = box.assumeRoleCalls();

        assertEquals(first, accessKeyId(token));
        // The refresh tries once and retries twice, in the background.
        await().atMost(Duration.ofSeconds(20)).until(() -> box.assumeRoleCalls() == before + 3);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, accessKeyId(token));
        }
        assertEquals(before + 3, box.assumeRoleCalls(), "no new refresh on every request during the back-off");

        box.faults().reset();
        clock.advance(Duration.ofSeconds(31));
        assertEquals(first, accessKeyId(token), "the request that starts the refresh still gets the old token");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !accessKeyId(token).equals(first));
        assertEquals(before + 4, box.assumeRoleCalls());
    }
}
