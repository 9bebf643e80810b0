package io.stsvend.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.testing.RrsaStsEmulator;
import io.stsvend.testing.TestStsConfig;
import io.stsvend.testing.TestStsConfig.TestRrsa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway builds its SDK client on another thread than the one constructing it (at startup, the main thread,
 * whose work delays readiness): it is not ready until the client is built, and a call that comes before that waits for
 * the client instead of failing.
 */
class AliyunStsGatewayBuildTest {

    private static final String POLICY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/u1/*\"]}]}";

    @TempDir
    Path dir;
    private RrsaStsEmulator sts;
    private final HeldTasks builder = new HeldTasks();
    private AliyunStsGateway gateway;

    @BeforeEach
    void start() {
        sts = new RrsaStsEmulator();
        Path tokenFile = dir.resolve("token");
        sts.writeValidToken(tokenFile);
        gateway = new AliyunStsGateway(TestStsConfig.withRrsa(RrsaStsEmulator.USER_ROLE_ARN, sts.httpEndpoint(),
                TestRrsa.against(sts, tokenFile)), builder);
    }

    @AfterEach
    void stop() {
        builder.runAll();
        gateway.close();
        sts.close();
    }

    @Test
    void theConstructorLeavesTheSdkClientToTheBuilder() {
        assertEquals(1, builder.held(), "the SDK client was not handed to the builder");
        assertFalse(gateway.ready(), "ready before the SDK client was built");

        builder.runAll();

        assertTrue(gateway.ready());
    }

    @Test
    void aCallBeforeTheClientIsBuiltWaitsForItAndSucceeds() {
        CompletableFuture<TemporaryCredentials> early = gateway.assumeRole(new AssumeRoleCommand(
                RrsaStsEmulator.USER_ROLE_ARN, RoleSessionName.fromSubject("u1"), POLICY, Duration.ofHours(1)))
                .subscribeAsCompletionStage();
        assertFalse(early.isDone(), "the call went on without the SDK client");

        builder.runAll();

        TemporaryCredentials issued = early.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertTrue(issued.accessKeyId().startsWith("STS."));
        assertEquals(1, sts.assumeRoleCalls());
    }

    /** An executor that keeps its tasks until told to run them. */
    private static final class HeldTasks implements Executor {
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int held() {
            return tasks.size();
        }

        void runAll() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(tasks);
                tasks.clear();
            }
            now.forEach(Runnable::run);
        }
    }
}
