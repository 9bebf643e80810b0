package io.stsvend.testing;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.stsvend.admin.AdminConfig;
import io.stsvend.explain.ExplainConfig;
import io.stsvend.identity.JwksConfig;
import io.stsvend.issuance.CacheConfig;
import io.stsvend.issuance.GrantsConfig;
import io.stsvend.issuance.MissLimitConfig;
import io.stsvend.issuance.OssConfig;
import io.stsvend.local.LocalConfig;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sts.ResilienceConfig;
import io.stsvend.sts.StsConfig;
import io.stsvend.upload.CallbackConfig;
import io.stsvend.upload.UploadConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Every group's {@code @ConfigMapping}, built by SmallRye Config without Quarkus as Quarkus would build it (same
 * defaults, same duration syntax), from a valid baseline plus the changes a test makes: the one fixture of the
 * startup-rule tests.
 */
public final class TestConfigs {

    /** The smallest configuration every group accepts. */
    public static final Map<String, String> VALID = Map.of(
            "stsvend.sts.role-arn", "acs:ram::1234567890123456:role/stsvend-app",
            "stsvend.sts.access-key-id", "LTAIexample",
            "stsvend.sts.access-key-secret", "not-a-real-secret",
            "stsvend.grants.rules[0].name", "own-files",
            "stsvend.grants.rules[0].bucket", "app-bucket",
            "stsvend.grants.rules[0].prefix", "users/",
            "stsvend.grants.rules[0].access", "read,list");

    private TestConfigs() {
    }

    /** {@link #VALID} with {@code changes} applied, every group's mapping registered. */
    public static SmallRyeConfig with(Map<String, String> changes) {
        Map<String, String> properties = new HashMap<>(VALID);
        properties.putAll(changes);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(GrantsConfig.class).withMapping(StsConfig.class).withMapping(CacheConfig.class)
                .withMapping(OssConfig.class).withMapping(ResilienceConfig.class).withMapping(MissLimitConfig.class)
                .withMapping(SharedCacheConfig.class).withMapping(JwksConfig.class).withMapping(UploadConfig.class)
                .withMapping(CallbackConfig.class).withMapping(ExplainConfig.class).withMapping(AdminConfig.class)
                .withMapping(LocalConfig.class)
                .build();
    }
}
