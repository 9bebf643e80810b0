package io.stsvend.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded cloud ({@code stsvend.local.*}): STS and OSS emulators started inside the service, on their own
 * ports, for development, tests and demos. Off in production. When on, {@link LocalCloudConfigSourceFactory}
 * points the service's STS, OSS and (unless configured) JWT settings at it.
 */
@ConfigMapping(prefix = "stsvend.local")
public interface LocalConfig {

    /** Starts the emulators and points the service at them. Default off; on in the dev and test profiles. */
    @WithDefault("false")
    boolean enabled();

    /** Interface the emulators listen on; loopback by default. */
    @WithDefault("127.0.0.1")
    String host();

    /** Account id of the emulated Alibaba Cloud account (digits). */
    @WithDefault("1234567890123456")
    String accountId();

    /** Name of the emulated RAM role the service assumes. */
    @WithDefault("stsvend-app")
    String roleName();

    /**
     * The emulated role's own permission policy (RAM policy JSON). Default: {@code oss:*} on every emulated bucket and
     * its objects. A token's rights are this policy intersected with its session policy.
     */
    Optional<String> rolePolicy();

    Sts sts();

    Oss oss();

    /** The emulated RAM user whose key the service signs AssumeRole with; generated per start when not set. */
    RamUser ramUser();

    interface Sts {
        /** Port of the STS emulator; 0 picks a free one. Default 18081. */
        @WithDefault("18081")
        int port();

        /** MaxSessionDuration of the emulated role, 3600 s to 43200 s. */
        @WithDefault("43200s")
        Duration maxSessionDuration();

        /**
         * How long the emulator holds every response back, like a real regional STS round trip (the benchmark uses
         * 50 ms). Zero answers at once. The delay is a timer: it never blocks a thread.
         */
        @WithDefault("0s")
        Duration responseDelay();
    }

    interface Oss {
        /** Port of the OSS emulator; 0 picks a free one. Default 18082. */
        @WithDefault("18082")
        int port();

        /** Buckets that exist in the emulated OSS. */
        @WithDefault("app-bucket")
        List<String> buckets();

        /** Host suffix for virtual-hosted addressing: {@code <bucket>.<suffix>}. */
        @WithDefault("oss-cn-hangzhou.localhost")
        String hostSuffix();

        /** Directory that keeps objects across restarts; in memory when unset. */
        Optional<Path> dataDir();

        /** Largest object or part accepted, in bytes. Default 64 MiB. */
        @WithDefault("67108864")
        long maxObjectSize();
    }

    interface RamUser {
        Optional<String> accessKeyId();

        Optional<String> accessKeySecret();
    }
}
