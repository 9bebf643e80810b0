package io.stsvend.sts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How stsvend reaches STS and which role it assumes ({@code stsvend.sts.*}). Checked at startup: the forms of its
 * names and addresses by {@link StsChecks}, bounds and credentials by the issuance group's configuration check.
 */
@ConfigMapping(prefix = "stsvend.sts")
public interface StsConfig {

    /** The RAM role assumed for every user, {@code acs:ram::<account-id>:role/<role-name>}. */
    String roleArn();

    /** STS region id, e.g. cn-hangzhou; selects the regional endpoint sts.<region>.aliyuncs.com. */
    @WithDefault("cn-hangzhou")
    String region();

    /** Endpoint override as host[:port], e.g. sts-vpc.cn-hangzhou.aliyuncs.com or 127.0.0.1:18081; empty = regional. */
    Optional<String> endpoint();

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
    Optional<String> accessKeyId();

    /** The RAM user's AccessKeySecret; set through ALIBABA_CLOUD_ACCESS_KEY_SECRET. Never logged. */
    Optional<String> accessKeySecret();

    /** The server's own identity through RRSA on ACK; when {@link Rrsa#enabled()} it replaces the static key. */
    Rrsa rrsa();

    enum Protocol { HTTP, HTTPS }

    /**
     * RRSA (RAM Roles for Service Accounts, {@code stsvend.sts.rrsa.*}): the pod exchanges its projected
     * service-account token for temporary credentials of its own RAM role with AssumeRoleWithOIDC (always HTTPS),
     * and signs the users' AssumeRole calls with those. ACK injects the three environment variables that
     * application.yaml maps here; on when all three are set, and it is a startup error to set only some.
     */
    interface Rrsa {

        /** The pod's RAM role, {@code acs:ram::<account-id>:role/<name>}; default ALIBABA_CLOUD_ROLE_ARN. */
        Optional<String> roleArn();

        /** The cluster's OIDC provider, {@code acs:ram::<account-id>:oidc-provider/<name>}; default ALIBABA_CLOUD_OIDC_PROVIDER_ARN. */
        Optional<String> oidcProviderArn();

        /** File holding the projected service-account token; re-read on every refresh (the kubelet rotates it). Default ALIBABA_CLOUD_OIDC_TOKEN_FILE. */
        Optional<Path> oidcTokenFile();

        /** RoleSessionName of the server's own session (2–64 of {@code [A-Za-z0-9.@_-]}); default ALIBABA_CLOUD_ROLE_SESSION_NAME or "stsvend". */
        @WithDefault("stsvend")
        String roleSessionName();

        /** Lifetime asked for the server's own credentials, 900 s to the role's MaxSessionDuration; default 3600 s. */
        @WithDefault("3600s")
        Duration duration();

        /**
         * AssumeRoleWithOIDC endpoint as host[:port]; default {@code stsvend.sts.endpoint}, else
         * {@code sts.<region>.aliyuncs.com}. Always reached over HTTPS.
         */
        Optional<String> endpoint();

        /**
         * PEM file of extra certificates trusted for the AssumeRoleWithOIDC endpoint, on top of the JDK's trust store
         * (a private CA, or the local emulator's test certificate). Hostname verification always stays on.
         */
        Optional<Path> trustCertificate();

        /** True when role, provider and token file are all set. */
        default boolean enabled() {
            return roleArn().isPresent() && oidcProviderArn().isPresent() && oidcTokenFile().isPresent();
        }
    }
}
