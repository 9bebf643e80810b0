package io.stsvend.testing;

import io.stsvend.cloudbox.AccessKey;
import io.stsvend.cloudbox.CloudBox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One cloud box outside any application, on free loopback ports and real time, whose STS several service processes
 * share as they would share Alibaba's STS: the replica tests and the benchmark count its AssumeRole calls, the
 * one number no replica can under-report. It knows one RAM user (whose key the services are given) and the role
 * {@link #ROLE_ARN}.
 */
public final class StandaloneSts implements AutoCloseable {

    public static final String ACCOUNT_ID = "1234567890123456";
    public static final String ROLE_ARN = "acs:ram::" + ACCOUNT_ID + ":role/stsvend-app";
    static final AccessKey RAM_USER = new AccessKey("LOCALSTANDALONETEST01", "standalone-sts-secret-for-tests");

    private final CloudBox box;

    /** @param responseDelay how long each answer takes, as a remote STS would (zero for none) */
    public StandaloneSts(Duration responseDelay) {
        box = CloudBox.builder().accountId(ACCOUNT_ID).role("stsvend-app", Optional.empty()).ramUser(RAM_USER)
                .maxSessionDuration(Duration.ofHours(1)).stsResponseDelay(responseDelay).start();
    }

    /** AssumeRole calls answered so far (successful or not). */
    public long assumeRoleCalls() {
        return box.assumeRoleCalls();
    }

    /** What a service needs to call this emulator: endpoints and role as system properties. */
    public Map<String, String> serviceProperties() {
        return CloudBoxSettings.properties(box);
    }

    /** The RAM user's key, as the environment variables a Kubernetes Secret would set. */
    public Map<String, String> serviceEnvironment() {
        return CloudBoxSettings.keyEnvironment(box);
    }

    @Override
    public void close() {
        box.close();
    }
}
