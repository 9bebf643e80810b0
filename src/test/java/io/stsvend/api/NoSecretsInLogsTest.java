package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.sts.ResilienceConfig;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.ServiceClockTimeouts;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.stsvend.testing.CredentialsCalls.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every issuance path (miss, hit, refresh ahead, shared, STS errors, throttling, timeouts, refusals, bad JWTs)
 * while capturing every log record of the application, then checks that no AccessKeySecret, SecurityToken, JWT or
 * the service's own RAM secret appears in any of them.
 */
@QuarkusTest
@TestProfile(NoSecretsInLogsTest.TimeoutsOnTheClock.class)
class NoSecretsInLogsTest {

    /** The guard's total timeout ends when the service's clock passes it, so the timeout path costs no waiting. */
    public static class TimeoutsOnTheClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ServiceClockTimeouts.class);
        }
    }

    @Inject
    CloudBox box;

    @Inject
    MutableClock clock;

    @Inject
    ResilienceConfig resilience;

    @ConfigProperty(name = "stsvend.sts.access-key-secret")
    String ramSecret;

    /** Written by the test thread and, for the timed-out call, by the thread that waits for it. */
    final List<String> secrets = new CopyOnWriteArrayList<>();

    String issue(String jwt) {
        secrets.add(jwt);
        Response response = get(jwt);
        if (response.statusCode() == 200) {
            secrets.add(response.path("accessKeySecret"));
            secrets.add(response.path("securityToken"));
        }
        return response.statusCode() == 200 ? response.path("accessKeyId") : null;
    }

    /** Calls while STS holds its answer, and advances the service's clock to the guard's total timeout. */
    void timeOut(String jwt) throws Exception {
        long held = box.faults().delayedResponses();
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> issue(jwt));
        await().atMost(Duration.ofSeconds(20)).until(() -> box.faults().delayedResponses() > held);
        clock.advance(resilience.totalTimeout());
        assertNull(call.get(20, TimeUnit.SECONDS), "the held call is cut by the total timeout");
    }

    @Test
    void noSecretOrTokenIsEverLogged() throws Exception {
        secrets.add(ramSecret);
        try (LogCapture logs = LogCapture.install()) {
            String alice = TestTokens.forSubject("secrets-alice", "viewer");
            String first = issue(alice);
            issue(alice);
            clock.advance(Duration.ofMinutes(31));
            issue(alice);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                String key = issue(alice);
                return key != null && !key.equals(first);
            });
            clock.reset();
            var faults = box.faults();
            faults.failNextAssumeRoleCalls(3, InjectedError.throttling());
            issue(TestTokens.forSubject("secrets-throttled"));
            faults.failNextAssumeRoleCalls(1, new InjectedError(403, "NoPermission", "not authorized"));
            issue(TestTokens.forSubject("secrets-misconfigured"));
            faults.failNextAssumeRoleCalls(1, new InjectedError(400, "InvalidParameter.PolicyGrammar", "bad"));
            issue(TestTokens.forSubject("secrets-bad-policy"));
            // Held longer than the total timeout: only the timeout, on the service's clock, ends this call.
            faults.delayResponses(resilience.totalTimeout().plusSeconds(1));
            timeOut(TestTokens.forSubject("secrets-timeout"));
            faults.reset();
            issue(TestTokens.forSubject("secrets-*"));
            issue(TestTokens.claims("secrets-expired").expiresAt(1).sign(TestTokens.privateKey("test-keys/privateKey.pem")));
            issue(TestTokens.claims("secrets-wrong-key").sign(TestTokens.privateKey("test-keys/otherPrivateKey.pem")));

            assertTrue(secrets.stream().filter(s -> s != null).count() >= 10, "the scenarios produced secrets");
            assertFalse(logs.texts("stsvend.audit").isEmpty(), "the run was captured");
            for (LogCapture.Line line : logs.lines()) {
                for (String secret : secrets) {
                    if (secret != null) {
                        assertFalse(line.text().contains(secret),
                                () -> "a secret or token was logged by " + line.category());
                    }
                }
                // JWTs and security tokens: no long base64url run with a JWS-like shape either.
                assertFalse(line.text().matches("(?s).*eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}.*"),
                        () -> "something JWT-shaped was logged by " + line.category());
            }
        }
    }
}
