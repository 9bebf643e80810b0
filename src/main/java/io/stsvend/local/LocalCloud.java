package io.stsvend.local;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stsvend.grant.policy.PolicyDocument;
import io.stsvend.grant.policy.PolicyGrammarException;
import io.stsvend.local.oss.OssBucket;
import io.stsvend.local.oss.OssEmulator;
import io.stsvend.local.oss.OssSettings;
import io.stsvend.local.sts.StsEmulator;
import io.stsvend.local.sts.StsEmulatorSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The embedded Alibaba Cloud: starts the STS and OSS emulators when {@code stsvend.local.enabled} is true, on the
 * ports {@link LocalCloudConfigSourceFactory} resolved, sharing one token codec (so OSS can verify what STS minted)
 * and one {@link LocalCloudClock}. The service reaches them only over HTTP, as it would reach the real cloud.
 */
@ApplicationScoped
public class LocalCloud {

    private static final Logger LOG = Logger.getLogger(LocalCloud.class);

    private final LocalConfig config;
    private Vertx vertx;
    private final LocalCloudClock clock = new LocalCloudClock(Clock.systemUTC());
    private final SessionTokenCodec codec = SessionTokenCodec.withRandomKey();
    private StsEmulator sts;
    private OssEmulator oss;

    private final String region;

    public LocalCloud(LocalConfig config,
                      @ConfigProperty(name = "stsvend.oss.region", defaultValue = "cn-hangzhou") String region) {
        this.config = config;
        this.region = region;
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // The emulated cloud gets its own Vert.x: it stands for remote servers, so it must not share the service's
        // event loops (or its HTTP metrics).
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        String roleArn = "acs:ram::" + config.accountId() + ":role/" + config.roleName();
        RamAuthorizer ram = new RamAuthorizer(Map.of(roleArn, rolePolicy()));
        sts = new StsEmulator(stsSettings(), List.of(), codec, clock, ram);
        sts.faults().delayResponses(config.sts().responseDelay());
        oss = new OssEmulator(ossSettings(), codec, clock, ram);
        int stsPort = await(sts.listen(vertx, config.host(), config.sts().port()));
        int ossPort = await(oss.listen(vertx, config.host(), config.oss().port()));
        LOG.warnf("LOCAL MODE: embedded STS emulator on http://%s:%d and OSS emulator on http://%s:%d (buckets %s)."
                + " Never enable stsvend.local.enabled in production.", config.host(), stsPort, config.host(), ossPort,
                config.oss().buckets());
    }

    void stop(@Observes ShutdownEvent event) {
        if (sts != null) {
            await(sts.close());
        }
        if (oss != null) {
            await(oss.close());
        }
        if (vertx != null) {
            await(vertx.close());
        }
    }

    /** The emulated STS, for tests: call counts and fault controls. Empty when local mode is off. */
    public Optional<StsEmulator> sts() {
        return Optional.ofNullable(sts);
    }

    /** The emulated OSS. Empty when local mode is off. */
    public Optional<OssEmulator> oss() {
        return Optional.ofNullable(oss);
    }

    /** The embedded cloud's clock, which tests may move. */
    public LocalCloudClock clock() {
        return clock;
    }

    /** The codec of the emulated STS's tokens (tests use it to forge or inspect tokens). */
    public SessionTokenCodec codec() {
        return codec;
    }

    private StsEmulatorSettings stsSettings() {
        StsEmulatorSettings.RamUser user = new StsEmulatorSettings.RamUser("stsvend", "2" + config.accountId(),
                config.ramUser().accessKeyId().orElseThrow(), config.ramUser().accessKeySecret().orElseThrow());
        StsEmulatorSettings.Role role = new StsEmulatorSettings.Role(config.roleName(), "3" + config.accountId(),
                (int) config.sts().maxSessionDuration().toSeconds());
        return new StsEmulatorSettings(config.accountId(), user, List.of(role), LocalCloud::grammarAccepts);
    }

    private OssSettings ossSettings() {
        List<OssBucket> buckets = config.oss().buckets().stream().map(b -> new OssBucket(b, config.accountId())).toList();
        return new OssSettings(buckets, region, config.oss().hostSuffix(), config.oss().dataDir(),
                config.oss().maxObjectSize());
    }

    private PolicyDocument rolePolicy() {
        return PolicyDocument.parse(config.rolePolicy().orElseGet(() -> defaultRolePolicy(config.oss().buckets())));
    }

    /** {@code oss:*} on every emulated bucket and its objects: the session policy does the narrowing. */
    static String defaultRolePolicy(List<String> buckets) {
        String resources = buckets.stream()
                .flatMap(b -> java.util.stream.Stream.of("\"acs:oss:*:*:" + b + "\"", "\"acs:oss:*:*:" + b + "/*\""))
                .collect(Collectors.joining(","));
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:*\"],\"Resource\":["
                + resources + "]}]}";
    }

    /** The RAM policy grammar of spec §3.1, as {@link PolicyDocument} parses it: what an emulated STS accepts. */
    public static boolean grammarAccepts(String policy) {
        try {
            PolicyDocument.parse(policy);
            return true;
        } catch (PolicyGrammarException e) {
            return false;
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
