package io.stsvend.sts;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how stsvend signs its AssumeRole calls: RRSA credentials when {@code stsvend.sts.rrsa} is complete (see
 * {@link StsConfig.Rrsa}), otherwise the RAM user's static key; and reports configuration problems of either at
 * startup.
 */
public final class ServerCredentials {

    /** SDK error code stsvend uses when the OIDC token file cannot be read (an operator must act). */
    static final String TOKEN_FILE_UNREADABLE = "Stsvend.OIDCTokenFileUnreadable";
    private static final Duration MIN_DURATION = Duration.ofSeconds(900);
    private static final Duration MAX_DURATION = Duration.ofSeconds(43200);

    private ServerCredentials() {
    }

    /** Every problem with the server credentials settings, each naming its property; empty when usable. */
    public static List<String> problems(StsConfig config) {
        List<String> problems = new ArrayList<>();
        StsConfig.Rrsa rrsa = config.rrsa();
        boolean anyRrsa = rrsa.roleArn().isPresent() || rrsa.oidcProviderArn().isPresent()
                || rrsa.oidcTokenFile().isPresent();
        if (anyRrsa && !rrsa.enabled()) {
            problems.add("stsvend.sts.rrsa: role-arn, oidc-provider-arn and oidc-token-file (ALIBABA_CLOUD_ROLE_ARN,"
                    + " ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE) must be set together");
        }
        if (rrsa.duration().compareTo(MIN_DURATION) < 0 || rrsa.duration().compareTo(MAX_DURATION) > 0) {
            problems.add("stsvend.sts.rrsa.duration: must be between 900s and 43200s, is " + rrsa.duration());
        }
        if (!anyRrsa && (config.accessKeyId().isEmpty() || config.accessKeySecret().isEmpty())) {
            problems.add("stsvend.sts.access-key-id/access-key-secret: not set; provide ALIBABA_CLOUD_ACCESS_KEY_ID and"
                    + " ALIBABA_CLOUD_ACCESS_KEY_SECRET, or RRSA's ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN"
                    + " and ALIBABA_CLOUD_OIDC_TOKEN_FILE (or enable stsvend.local.enabled for the embedded emulators)");
        }
        return problems;
    }

    /** The provider for the user-facing SDK client: RRSA on the system clock when enabled, else the static key. */
    static AlibabaCloudCredentialsProvider provider(StsConfig config) {
        return provider(config, Clock.systemUTC());
    }

    static AlibabaCloudCredentialsProvider provider(StsConfig config, Clock clock) {
        StsConfig.Rrsa rrsa = config.rrsa();
        if (!rrsa.enabled()) {
            return new StaticCredentialsProvider(new BasicCredentials(config.accessKeyId().orElse(""),
                    config.accessKeySecret().orElse("")));
        }
        return new RrsaCredentialsProvider(rrsa.oidcTokenFile().orElseThrow(), new OidcTokenExchange(target(config)),
                clock);
    }

    static OidcTokenExchange.Target target(StsConfig config) {
        StsConfig.Rrsa rrsa = config.rrsa();
        String endpoint = rrsa.endpoint().or(config::endpoint).orElse("sts." + config.region() + ".aliyuncs.com");
        return new OidcTokenExchange.Target(config.region(), endpoint, rrsa.roleArn().orElseThrow(),
                rrsa.oidcProviderArn().orElseThrow(), rrsa.roleSessionName(), rrsa.duration().toSeconds(),
                config.connectTimeout().toMillis(), config.readTimeout().toMillis(),
                rrsa.trustCertificate().map(TrustedCertificates::fromPem));
    }
}
