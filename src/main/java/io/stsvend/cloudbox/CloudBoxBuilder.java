package io.stsvend.cloudbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link CloudBox} is set up before {@link #start()}: where it listens, the one account with its RAM user and
 * role, the buckets, the clock and the OSS limits. Every setting has a default that starts a usable box on free
 * loopback ports. Not thread-safe; a builder may start several boxes.
 */
public final class CloudBoxBuilder {

    String host = "127.0.0.1";
    int stsPort;
    int ossPort;
    List<String> buckets = List.of("app-bucket");
    String accountId = "1234567890123456";
    String roleName = "stsvend-app";
    Optional<String> rolePolicy = Optional.empty();
    Optional<AccessKey> ramUser = Optional.empty();
    Duration maxSessionDuration = Duration.ofHours(12);
    Clock clock = Clock.systemUTC();
    Duration stsResponseDelay = Duration.ZERO;
    String region = "cn-hangzhou";
    String ossHostSuffix = "oss-cn-hangzhou.localhost";
    Optional<Path> ossDataDir = Optional.empty();
    long maxObjectSize = 64L * 1024 * 1024;

    CloudBoxBuilder() {
    }

    /** Interface both emulators listen on; loopback by default. */
    public CloudBoxBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /** Ports of the STS and OSS emulators; 0 (the default) picks a free one. */
    public CloudBoxBuilder ports(int stsPort, int ossPort) {
        this.stsPort = checkPort(stsPort);
        this.ossPort = checkPort(ossPort);
        return this;
    }

    /** Buckets that exist in the emulated OSS (at least one); default {@code app-bucket}. */
    public CloudBoxBuilder buckets(List<String> buckets) {
        this.buckets = List.copyOf(buckets);
        return this;
    }

    /** The emulated account (digits); default {@code 1234567890123456}. */
    public CloudBoxBuilder accountId(String accountId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        return this;
    }

    /**
     * The one assumable RAM role and its own permission policy (RAM policy JSON); empty keeps the default,
     * {@code oss:*} on every bucket ({@link RolePolicies#ossAllOn}).
     */
    public CloudBoxBuilder role(String roleName, Optional<String> rolePolicy) {
        this.roleName = Objects.requireNonNull(roleName, "roleName");
        this.rolePolicy = Objects.requireNonNull(rolePolicy, "rolePolicy");
        return this;
    }

    /** The RAM user's long-term AccessKey that may call AssumeRole; a random one per box when not set. */
    public CloudBoxBuilder ramUser(AccessKey key) {
        this.ramUser = Optional.of(key);
        return this;
    }

    /** MaxSessionDuration of the role, 3600 s to 43200 s; default 43200 s. */
    public CloudBoxBuilder maxSessionDuration(Duration maxSessionDuration) {
        this.maxSessionDuration = Objects.requireNonNull(maxSessionDuration, "maxSessionDuration");
        return this;
    }

    /** The clock both emulators judge time by (signature skew, token expiry); the caller may move it. */
    public CloudBoxBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How long STS holds every answer back, as a regional round trip would; a timer, never a blocked thread. */
    public CloudBoxBuilder stsResponseDelay(Duration delay) {
        this.stsResponseDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** Region, virtual-host suffix ({@code <bucket>.<suffix>}), persistence directory and object size bound. */
    public CloudBoxBuilder oss(String region, String hostSuffix, Optional<Path> dataDir, long maxObjectSize) {
        this.region = Objects.requireNonNull(region, "region");
        this.ossHostSuffix = Objects.requireNonNull(hostSuffix, "hostSuffix");
        this.ossDataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.maxObjectSize = maxObjectSize;
        return this;
    }

    /** Starts both emulators; fails (and leaves nothing running) when a port cannot be bound or a setting is bad. */
    public CloudBox start() {
        return CloudBox.start(this);
    }

    AccessKey ramUserKey() {
        return ramUser.orElseGet(AccessKey::random);
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        return port;
    }
}
