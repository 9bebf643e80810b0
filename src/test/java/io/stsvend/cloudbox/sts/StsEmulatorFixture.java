package io.stsvend.cloudbox.sts;

import io.stsvend.testing.StoppedClock;
import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running STS emulator on a fresh Vert.x instance and a free port, with one RAM user and two roles. Its clock
 * starts at the real current second, because the Alibaba SDK stamps requests with the system clock.
 */
final class StsEmulatorFixture implements AutoCloseable, AfterEachCallback {

    static final String ACCOUNT_ID = "1234567890123456";
    static final String ACCESS_KEY_ID = "EMULATORTESTKEY01";
    static final String ACCESS_KEY_SECRET = "emulator-test-secret-0123456789";
    static final String ROLE_NAME = "app-uploader";
    static final String ROLE_ID = "300000000000000001";
    static final String ROLE_ARN = "acs:ram::" + ACCOUNT_ID + ":role/" + ROLE_NAME;
    static final String LONG_ROLE_ARN = "acs:ram::" + ACCOUNT_ID + ":role/long-sessions";
    static final int LONG_ROLE_MAX = 7200;

    /** The test grammar: a JSON object whose Version is "1". The app wires the real RAM policy parser. */
    static final PolicyGrammar GRAMMAR = policy -> {
        try {
            return "1".equals(new JsonObject(policy).getValue("Version"));
        } catch (RuntimeException e) {
            return false;
        }
    };

    final StoppedClock clock = StoppedClock.now();
    final SessionTokenCodec codec = SessionTokenCodec.withRandomKey();
    final StsEmulatorSettings settings = new StsEmulatorSettings(ACCOUNT_ID,
            new StsEmulatorSettings.RamUser("vending-service", "200000000000000001", ACCESS_KEY_ID, ACCESS_KEY_SECRET),
            List.of(new StsEmulatorSettings.Role(ROLE_NAME, ROLE_ID, 3600),
                    new StsEmulatorSettings.Role("long-sessions", "300000000000000002", LONG_ROLE_MAX)),
            GRAMMAR);
    /** Which role sessions may call AssumeRole on which role; none unless a test says otherwise. */
    volatile AssumeRolePermission permission = AssumeRolePermission.NONE;
    final Vertx vertx = Vertx.vertx();
    final StsEmulator emulator = new StsEmulator(settings, List.of(), codec, clock,
            (session, roleArn) -> permission.allows(session, roleArn));
    final int port;

    StsEmulatorFixture() {
        try {
            this.port = await(emulator.listen(vertx, "127.0.0.1", 0));
        } catch (Exception e) {
            throw new IllegalStateException("STS emulator did not start", e);
        }
    }

    /** As a registered extension: shuts down the test's SDK clients, then this emulator. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        SdkClients.shutdownAll();
        close();
    }

    String endpoint() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        await(emulator.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
