package io.stsvend.local;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.stsvend.cloudbox.AccessKey;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.configcheck.EmbeddedCloud;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Local mode's embedded Alibaba Cloud: starts a {@link CloudBox} when {@code stsvend.local.enabled} is true, on the
 * ports {@link LocalCloudConfigSourceFactory} resolved and with the RAM user's key it published, on a
 * {@link LocalCloudClock} tests may move. The service reaches it only over HTTP, as it would reach the real cloud.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class LocalCloud implements EmbeddedCloud {

    private static final Logger LOG = Logger.getLogger(LocalCloud.class);

    private final LocalConfig config;
    private final String region;
    private final LocalCloudClock clock = new LocalCloudClock(Clock.systemUTC());
    private volatile CloudBox box;

    public LocalCloud(LocalConfig config,
                      @ConfigProperty(name = "stsvend.oss.region", defaultValue = "cn-hangzhou") String region) {
        this.config = config;
        this.region = region;
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        LocalConfig.Oss oss = config.oss();
        box = CloudBox.builder().host(config.host()).ports(config.sts().port(), oss.port()).buckets(oss.buckets())
                .accountId(config.accountId()).role(config.roleName(), config.rolePolicy())
                .ramUser(new AccessKey(config.ramUser().accessKeyId().orElseThrow(),
                        config.ramUser().accessKeySecret().orElseThrow()))
                .maxSessionDuration(config.sts().maxSessionDuration()).stsResponseDelay(config.sts().responseDelay())
                .oss(region, oss.hostSuffix(), oss.dataDir(), oss.maxObjectSize()).clock(clock).start();
        LOG.warnf("LOCAL MODE: embedded STS emulator on http://%s and OSS emulator on %s (buckets %s)."
                + " Never enable stsvend.local.enabled in production.", box.stsEndpoint(), box.ossEndpoint(),
                oss.buckets());
    }

    void stop(@Observes ShutdownEvent event) {
        if (box != null) {
            box.close();
        }
    }

    /** Whether local mode started the cloud box. */
    public boolean running() {
        return box != null;
    }

    /**
     * The running cloud box, for tests: call counts, fault controls, test-support tokens.
     *
     * @throws IllegalStateException when local mode is off
     */
    public CloudBox box() {
        CloudBox current = box;
        if (current == null) {
            throw new IllegalStateException("local mode is off: no cloud box");
        }
        return current;
    }

    /** The embedded cloud's clock, which tests may move (apart from the service's own clock). */
    public LocalCloudClock clock() {
        return clock;
    }
}
