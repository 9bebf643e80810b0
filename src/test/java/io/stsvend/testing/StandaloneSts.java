package io.stsvend.testing;

import io.stsvend.local.LocalCloud;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.local.SessionTokenCodec;
import io.stsvend.local.sts.StsEmulator;
import io.stsvend.local.sts.StsEmulatorSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One STS emulator outside any application, on a free loopback port and real time, for several service processes
 * to share as they would share Alibaba's STS: the replica tests and the benchmark count its AssumeRole calls, the
 * one number no replica can under-report. It knows one RAM user (whose key the services are given) and the role
 * {@link #ROLE_ARN}.
 */
public final class StandaloneSts implements AutoCloseable {

    public static final String ACCOUNT_ID = "1234567890123456";
    public static final String ROLE_ARN = "acs:ram::" + ACCOUNT_ID + ":role/stsvend-app";
    static final String ACCESS_KEY_ID = "LOCALSTANDALONETEST01";
    static final String ACCESS_KEY_SECRET = "standalone-sts-secret-for-tests";

    private final Vertx vertx = Vertx.vertx();
    private final StsEmulator emulator;
    private final int port;

    /** @param responseDelay how long each answer takes, as a remote STS would (zero for none) */
    public StandaloneSts(Duration responseDelay) {
        StsEmulatorSettings settings = new StsEmulatorSettings(ACCOUNT_ID,
                new StsEmulatorSettings.RamUser("stsvend", "2" + ACCOUNT_ID, ACCESS_KEY_ID, ACCESS_KEY_SECRET),
                List.of(new StsEmulatorSettings.Role("stsvend-app", "3" + ACCOUNT_ID, 3600)),
                LocalCloud::grammarAccepts);
        emulator = new StsEmulator(settings, SessionTokenCodec.withRandomKey(), new LocalCloudClock(Clock.systemUTC()));
        emulator.faults().delayResponses(responseDelay);
        port = await(emulator.listen(vertx, "127.0.0.1", 0));
    }

    /** AssumeRole calls answered so far (successful or not). */
    public long assumeRoleCalls() {
        return emulator.assumeRoleCalls();
    }

    /** What a service needs to call this emulator: endpoint, protocol and role as system properties. */
    public Map<String, String> serviceProperties() {
        return Map.of("stsvend.sts.endpoint", "127.0.0.1:" + port, "stsvend.sts.protocol", "http",
                "stsvend.sts.role-arn", ROLE_ARN);
    }

    /** The RAM user's key, as the environment variables a Kubernetes Secret would set. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", ACCESS_KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", ACCESS_KEY_SECRET);
    }

    @Override
    public void close() {
        await(emulator.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
