package io.stsvend.cloudbox;

import io.stsvend.cloudbox.oss.OssBucket;
import io.stsvend.cloudbox.oss.OssEmulator;
import io.stsvend.cloudbox.oss.OssSettings;
import io.stsvend.cloudbox.sts.StsEmulator;
import io.stsvend.cloudbox.sts.StsEmulatorSettings;
import io.stsvend.cloudbox.sts.StsFaults;
import io.stsvend.grant.policy.PolicyDocument;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Alibaba Cloud STS + OSS in a box: the front door of the emulated cloud. {@link #builder()} sets it up and starts
 * an STS emulator and an OSS emulator for one account, one RAM user, one role and some buckets, on their own Vert.x
 * (they stand for remote servers, so they never share a caller's event loops). Both share one token codec, so OSS
 * accepts what STS minted, and the caller's {@link Clock}.
 *
 * <p>Clients reach it only over HTTP, with the real Alibaba SDKs, exactly as they would reach the real cloud. The
 * methods here are what a test or a local-mode service may do besides: read endpoints and keys, count calls,
 * inject STS faults, and — deliberately, for tests — mint or read a session token. Thread-safe; {@link #close()}
 * stops everything and may be called more than once.
 */
public final class CloudBox implements AutoCloseable {

    private static final long START_STOP_SECONDS = 30;

    private final Vertx vertx;
    private final SessionTokenCodec codec = SessionTokenCodec.withRandomKey();
    private final Clock clock;
    private final String host;
    private final String accountId;
    private final String roleArn;
    private final AccessKey ramUser;
    private final List<String> buckets;
    private final Duration stsResponseDelay;
    private final StsEmulator sts;
    private final OssEmulator oss;
    private volatile int stsPort;
    private volatile int ossPort;

    private CloudBox(CloudBoxBuilder spec) {
        this.clock = spec.clock;
        this.host = spec.host;
        this.accountId = spec.accountId;
        this.roleArn = "acs:ram::" + spec.accountId + ":role/" + spec.roleName;
        this.ramUser = spec.ramUserKey();
        this.buckets = spec.buckets;
        this.stsResponseDelay = spec.stsResponseDelay;
        RamAuthorizer ram = new RamAuthorizer(Map.of(roleArn,
                PolicyDocument.parse(spec.rolePolicy.orElseGet(() -> RolePolicies.ossAllOn(spec.buckets)))));
        StsEmulatorSettings.Role role = new StsEmulatorSettings.Role(spec.roleName, "3" + spec.accountId,
                (int) spec.maxSessionDuration.toSeconds());
        StsEmulatorSettings stsSettings = new StsEmulatorSettings(spec.accountId, new StsEmulatorSettings.RamUser(
                "stsvend", "2" + spec.accountId, ramUser.accessKeyId(), ramUser.accessKeySecret()), List.of(role),
                RolePolicies::grammarAccepts);
        this.sts = new StsEmulator(stsSettings, List.of(), codec, clock, ram);
        sts.faults().delayResponses(spec.stsResponseDelay);
        List<OssBucket> ossBuckets = spec.buckets.stream().map(b -> new OssBucket(b, spec.accountId)).toList();
        this.oss = new OssEmulator(new OssSettings(ossBuckets, spec.region, spec.ossHostSuffix, spec.ossDataDir,
                spec.maxObjectSize), codec, clock, ram);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
    }

    /** A builder whose defaults start a usable box on free loopback ports. */
    public static CloudBoxBuilder builder() {
        return new CloudBoxBuilder();
    }

    static CloudBox start(CloudBoxBuilder spec) {
        CloudBox box = new CloudBox(spec);
        try {
            box.stsPort = await(box.sts.listen(box.vertx, spec.host, spec.stsPort));
            box.ossPort = await(box.oss.listen(box.vertx, spec.host, spec.ossPort));
            return box;
        } catch (RuntimeException e) {
            box.close();
            throw e;
        }
    }

    /** The STS endpoint as the Alibaba SDKs take it: {@code host:port}, spoken over plain HTTP. */
    public String stsEndpoint() {
        return advertisedHost() + ":" + stsPort;
    }

    /** The OSS endpoint, {@code http://host:port} (path-style; virtual-hosted via the builder's host suffix). */
    public URI ossEndpoint() {
        return URI.create("http://" + advertisedHost() + ":" + ossPort);
    }

    public int stsPort() {
        return stsPort;
    }

    public int ossPort() {
        return ossPort;
    }

    public String accountId() {
        return accountId;
    }

    /** The ARN of the one assumable role, {@code acs:ram::<account>:role/<name>}. */
    public String roleArn() {
        return roleArn;
    }

    /** The RAM user's long-term AccessKey, the only key AssumeRole accepts from outside. */
    public AccessKey ramUser() {
        return ramUser;
    }

    public List<String> buckets() {
        return buckets;
    }

    /** The clock the box was built with. */
    public Clock clock() {
        return clock;
    }

    /** STS fault injection: delays and injected errors; {@link #reset()} clears them. */
    public StsFaults faults() {
        return sts.faults();
    }

    /** AssumeRole requests that passed verification and reached the operation, whether they then failed or not. */
    public long assumeRoleCalls() {
        return sts.assumeRoleCalls();
    }

    /** AssumeRole calls that returned credentials. */
    public long issuedCredentials() {
        return sts.issuedCredentials();
    }

    /** OSS requests received, and those answered with an error. */
    public long ossRequests() {
        return oss.requestCount();
    }

    public long ossErrors() {
        return oss.errorCount();
    }

    /** Where OSS serves the public key its upload callbacks are signed with. */
    public URI callbackPublicKeyUrl() {
        return oss.callbackPublicKeyUrl();
    }

    /**
     * Test support: a role session as AssumeRole would have issued it, without calling STS (so it is not counted),
     * e.g. an operator's session with no session policy. OSS accepts it until {@code expiration} on the box's clock.
     */
    public IssuedSession mintSession(String roleSessionName, Optional<String> sessionPolicy, Instant expiration) {
        return codec.mint(roleArn, roleSessionName, sessionPolicy, expiration);
    }

    /**
     * Test support: what a SecurityToken this box minted binds (role, session, session policy, expiry).
     *
     * @throws InvalidSessionTokenException when the token is malformed or not minted by this box
     */
    public SessionClaims readSessionToken(String securityToken) {
        return codec.verify(securityToken);
    }

    /** Clears injected STS faults and puts the response delay back to the builder's: the box as it started. */
    public void reset() {
        sts.faults().reset();
        sts.faults().delayResponses(stsResponseDelay);
    }

    @Override
    public void close() {
        Future<Void> stopped = sts.close().eventually(() -> oss.close());
        await(stopped.eventually(() -> vertx.close()));
    }

    private String advertisedHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("cloud box did not start or stop in time", e);
        }
    }
}
