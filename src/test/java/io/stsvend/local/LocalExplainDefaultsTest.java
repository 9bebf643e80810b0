package io.stsvend.local;

import io.stsvend.cloudbox.RolePolicies;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In local mode explain evaluates the emulated role's own policy (the one the OSS emulator authorizes with), and
 * admin tokens are accepted next to user tokens; an operator's own values still win.
 */
class LocalExplainDefaultsTest {

    @Test
    void explainSeesTheEmulatedRolesDefaultPolicyForTheConfiguredBuckets() {
        SmallRyeConfig config = config(Map.of("stsvend.local.enabled", "true",
                "stsvend.local.oss.buckets", "app-bucket, other-bucket"));
        assertEquals(RolePolicies.ossAllOn(List.of("app-bucket", "other-bucket")),
                config.getRawValue("stsvend.explain.role-policy"));
        assertEquals("stsvend,stsvend-admin", config.getRawValue("mp.jwt.verify.audiences"));
    }

    @Test
    void aConfiguredRolePolicyIsTheOneExplainSees() {
        String policy = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                + "\"Resource\":\"acs:oss:*:*:app-bucket/*\"}]}";
        SmallRyeConfig config = config(Map.of("stsvend.local.enabled", "true", "stsvend.local.role-policy", policy));
        assertEquals(policy, config.getRawValue("stsvend.explain.role-policy"));
    }

    @Test
    void operatorsValuesWin() {
        SmallRyeConfig config = config(Map.of("stsvend.local.enabled", "true", "stsvend.explain.role-policy", "{}",
                "mp.jwt.verify.audiences", "app"));
        assertEquals("{}", config.getRawValue("stsvend.explain.role-policy"));
        assertEquals("app", config.getRawValue("mp.jwt.verify.audiences"));
    }

    private static SmallRyeConfig config(Map<String, String> applicationYaml) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(applicationYaml, "application.yaml", 250))
                .withSources(new LocalCloudConfigSourceFactory())
                .build();
    }
}
