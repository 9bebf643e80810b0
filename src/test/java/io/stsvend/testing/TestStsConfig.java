package io.stsvend.testing;

import io.stsvend.sts.StsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A hand-made {@link StsConfig} for tests that build the STS gateway without Quarkus. */
public record TestStsConfig(String roleArn, Optional<String> endpoint, Protocol protocol,
                            Optional<String> accessKeyId, Optional<String> accessKeySecret, Rrsa rrsa)
        implements StsConfig {

    /** Users' AssumeRole over plain HTTP to {@code endpoint}, signed with RRSA settings {@code rrsa}. */
    public static TestStsConfig withRrsa(String roleArn, String endpoint, Rrsa rrsa) {
        return new TestStsConfig(roleArn, Optional.of(endpoint), Protocol.HTTP, Optional.empty(), Optional.empty(),
                rrsa);
    }

    @Override
    public String region() {
        return "cn-hangzhou";
    }

    @Override
    public Duration duration() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(5);
    }

    /** RRSA settings; {@code null} role, provider or token file leave RRSA (partly) unset. */
    public record TestRrsa(String role, String provider, Path tokenFile, String tlsEndpoint,
                           Optional<Path> trustCertificate, Duration duration) implements StsConfig.Rrsa {

        /** Complete settings against the emulator, trusting its test certificate. */
        public static TestRrsa against(RrsaStsEmulator sts, Path tokenFile) {
            return new TestRrsa(RrsaStsEmulator.POD_ROLE_ARN, RrsaStsEmulator.PROVIDER_ARN, tokenFile,
                    sts.tlsEndpoint(), Optional.of(TestTls.certificatePath()), Duration.ofHours(1));
        }

        public TestRrsa withTrustCertificate(Optional<Path> trust) {
            return new TestRrsa(role, provider, tokenFile, tlsEndpoint, trust, duration);
        }

        @Override
        public Optional<String> roleArn() {
            return Optional.ofNullable(role);
        }

        @Override
        public Optional<String> oidcProviderArn() {
            return Optional.ofNullable(provider);
        }

        @Override
        public Optional<Path> oidcTokenFile() {
            return Optional.ofNullable(tokenFile);
        }

        @Override
        public String roleSessionName() {
            return "stsvend-pod";
        }

        @Override
        public Optional<String> endpoint() {
            return Optional.ofNullable(tlsEndpoint);
        }
    }
}
