package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stsvend.local.LocalCloud;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.sts.AssumeRoleGuard;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.stsvend.testing.CredentialsCalls.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every issuance path (miss, hit, refresh ahead, shared, STS errors, throttling, timeouts, refusals, bad JWTs)
 * while capturing every log record of the application, then checks that no AccessKeySecret, SecurityToken, JWT or
 * the service's own RAM secret appears in any of them.
 */
@QuarkusTest
class NoSecretsInLogsTest {

    @Inject
    LocalCloud cloud;

    @Inject
    MutableClock clock;

    @Inject
    AssumeRoleGuard guard;

    @ConfigProperty(name = "stsvend.sts.access-key-secret")
    String ramSecret;

    final List<String> secrets = new ArrayList<>();

    @AfterEach
    void restore() {
        clock.reset();
        cloud.box().faults().reset();
        guard.resetCircuitBreaker();
    }

    String issue(String jwt) {
        secrets.add(jwt);
        Response response = get(jwt);
        if (response.statusCode() == 200) {
            secrets.add(response.path("accessKeySecret"));
            secrets.add(response.path("securityToken"));
        }
        return response.statusCode() == 200 ? response.path("accessKeyId") : null;
    }

    @Test
    void noSecretOrTokenIsEverLogged() {
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
            var faults = cloud.box().faults();
            faults.failNextAssumeRoleCalls(3, InjectedError.throttling());
            issue(TestTokens.forSubject("secrets-throttled"));
            faults.failNextAssumeRoleCalls(1, new InjectedError(403, "NoPermission", "not authorized"));
            issue(TestTokens.forSubject("secrets-misconfigured"));
            faults.failNextAssumeRoleCalls(1, new InjectedError(400, "InvalidParameter.PolicyGrammar", "bad"));
            issue(TestTokens.forSubject("secrets-bad-policy"));
            faults.delayResponses(Duration.ofSeconds(4));
            issue(TestTokens.forSubject("secrets-timeout"));
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
