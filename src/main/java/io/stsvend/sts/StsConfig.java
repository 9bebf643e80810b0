package io.stsvend.sts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;
import java.util.Optional;

/** How stsvend reaches STS and which role it assumes ({@code stsvend.sts.*}). Checked at startup. */
@ConfigMapping(prefix = "stsvend.sts")
public interface StsConfig {

    /** The RAM role assumed for every user, {@code acs:ram::<account-id>:role/<role-name>}. */
    @Pattern(regexp = "acs:ram::[0-9]{1,32}:role/[A-Za-z0-9.@_-]{1,64}",
            message = "must look like acs:ram::<account-id>:role/<role-name>")
    String roleArn();

    /** STS region id, e.g. cn-hangzhou; selects the regional endpoint sts.<region>.aliyuncs.com. */
    @WithDefault("cn-hangzhou")
    @Pattern(regexp = "[a-z0-9-]{2,32}", message = "must be an Alibaba Cloud region id such as cn-hangzhou")
    String region();

    /** Endpoint override as host[:port], e.g. sts-vpc.cn-hangzhou.aliyuncs.com or 127.0.0.1:18081; empty = regional. */
    Optional<@Pattern(regexp = "[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?", message = "must be host or host:port") String> endpoint();

    /** Protocol used to reach STS. HTTPS in production; HTTP only for the local emulator. */
    @WithDefault("https")
    Protocol protocol();

    /** DurationSeconds asked of STS: 900 s to 43200 s (the role's MaxSessionDuration caps it), default 3600 s. */
    @WithDefault("3600s")
    Duration duration();

    /** TCP connect timeout towards STS, 100 ms to 30 s. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Read timeout of one AssumeRole call, 100 ms to 60 s. */
    @WithDefault("5s")
    Duration readTimeout();

    /** The RAM user's AccessKeyId; set through ALIBABA_CLOUD_ACCESS_KEY_ID, never in a file in the repository. */
    Optional<@NotBlank String> accessKeyId();

    /** The RAM user's AccessKeySecret; set through ALIBABA_CLOUD_ACCESS_KEY_SECRET. Never logged. */
    Optional<@NotBlank String> accessKeySecret();

    enum Protocol { HTTP, HTTPS }
}
