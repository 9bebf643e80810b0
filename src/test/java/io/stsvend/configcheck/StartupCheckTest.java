package io.stsvend.configcheck;

import io.smallrye.config.SmallRyeConfig;
import io.stsvend.admin.AdminChecks;
import io.stsvend.admin.AdminConfig;
import io.stsvend.explain.ExplainConfig;
import io.stsvend.explain.ExplainConfigCheck;
import io.stsvend.identity.JwksConfig;
import io.stsvend.identity.JwksConfigCheck;
import io.stsvend.issuance.CacheConfig;
import io.stsvend.issuance.ConfigurationCheck;
import io.stsvend.issuance.GrantsConfig;
import io.stsvend.issuance.MissLimitConfig;
import io.stsvend.issuance.OssConfig;
import io.stsvend.local.LocalConfig;
import io.stsvend.local.LocalConfigCheck;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sts.ResilienceConfig;
import io.stsvend.sts.StsConfig;
import io.stsvend.upload.CallbackConfig;
import io.stsvend.upload.CallbackConfigCheck;
import io.stsvend.upload.UploadConfig;
import io.stsvend.upload.UploadConfigCheck;
import io.stsvend.testing.TestConfigs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: one startup check reports every group's problems together. The rules are the application's own beans,
 * built here over configuration SmallRye builds as Quarkus would, from a valid baseline plus the changes.
 */
class StartupCheckTest {

    /** Every group's rule, as the application registers them, over the baseline with {@code changes}. */
    static List<ConfigurationRule> rulesWith(Map<String, String> changes) {
        SmallRyeConfig config = TestConfigs.with(changes);
        return List.of(
                new ConfigurationCheck(config.getConfigMapping(GrantsConfig.class),
                        config.getConfigMapping(StsConfig.class), config.getConfigMapping(CacheConfig.class),
                        config.getConfigMapping(OssConfig.class), config.getConfigMapping(ResilienceConfig.class),
                        config.getConfigMapping(MissLimitConfig.class),
                        config.getConfigMapping(SharedCacheConfig.class)),
                new JwksConfigCheck(config.getConfigMapping(JwksConfig.class)),
                new UploadConfigCheck(config.getConfigMapping(UploadConfig.class)),
                new CallbackConfigCheck(config.getConfigMapping(CallbackConfig.class)),
                new ExplainConfigCheck(config.getConfigMapping(ExplainConfig.class)),
                new AdminChecks(config.getConfigMapping(AdminConfig.class), Optional.of(List.of("stsvend"))),
                new LocalConfigCheck(config.getConfigMapping(LocalConfig.class)));
    }

    @Test
    void oneProblemInEachOfSixGroupsFailsTheStartOnceListingAllSix() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> StartupCheck.check(rulesWith(Map.of(
                        "stsvend.cache.min-remaining", "30s",
                        "stsvend.jwks.refresh-interval", "10s",
                        "stsvend.uploads.max-form-bytes", "0",
                        "stsvend.callback.url", "ftp://example.com/cb",
                        "stsvend.admin.role", "has space",
                        "stsvend.local.enabled", "true",
                        "stsvend.local.oss.buckets", "Not_A_Bucket"))));
        List<String> problems = refused.problems();
        assertEquals(6, problems.size(), problems::toString);
        for (String property : List.of("stsvend.cache.min-remaining", "stsvend.jwks.refresh-interval",
                "stsvend.uploads.max-form-bytes", "stsvend.callback.url", "stsvend.admin.role",
                "stsvend.local.oss.buckets")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(property)), property + " in " + problems);
        }
        assertTrue(refused.getMessage().startsWith("stsvend cannot start, 6 configuration problem(s)"),
                refused.getMessage());
    }

    @Test
    void theBaselinePassesEveryGroup() {
        assertDoesNotThrow(() -> StartupCheck.check(rulesWith(Map.of())));
    }
}
