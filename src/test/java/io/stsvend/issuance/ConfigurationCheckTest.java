package io.stsvend.issuance;

import io.smallrye.config.SmallRyeConfig;
import io.stsvend.configcheck.InvalidConfigurationException;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sts.ResilienceConfig;
import io.stsvend.sts.StsConfig;
import io.stsvend.testing.TestConfigs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The startup rules, without Quarkus: the config interfaces are built by SmallRye Config from a valid baseline with
 * one property changed per case, as Quarkus would build them (same defaults, same duration syntax).
 */
class ConfigurationCheckTest {

    static List<String> problemsWith(Map<String, String> changes) {
        SmallRyeConfig config = TestConfigs.with(changes);
        return ConfigurationCheck.problems(config.getConfigMapping(GrantsConfig.class),
                config.getConfigMapping(StsConfig.class), config.getConfigMapping(CacheConfig.class),
                config.getConfigMapping(OssConfig.class), config.getConfigMapping(ResilienceConfig.class),
                config.getConfigMapping(MissLimitConfig.class), config.getConfigMapping(SharedCacheConfig.class));
    }

    /**
     * The problems of the baseline plus {@code base} with {@code property} set to {@code value}, after asserting
     * that one of them {@code matches} {@code expected} (the one helper every one-property case goes through).
     */
    static List<String> assertReported(Map<String, String> base, String property, String value,
                                       BiPredicate<String, String> matches, String expected) {
        Map<String, String> changes = new HashMap<>(base);
        changes.put(property, value);
        List<String> problems = problemsWith(changes);
        assertTrue(problems.stream().anyMatch(p -> matches.test(p, expected)),
                () -> problems + " should have: " + expected);
        return problems;
    }

    static final String KEY = "k1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    @ParameterizedTest(name = "shared cache: {0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
        stsvend.shared-cache.keys              | ''                  | stsvend.shared-cache.keys: at least one key
        stsvend.shared-cache.keys              | k1:AQID             | stsvend.shared-cache.keys[0] (id k1): must decode to exactly 32 bytes
        stsvend.shared-cache.keys              | bad id:AQID         | stsvend.shared-cache.keys[0]: must be id:base64
        stsvend.shared-cache.lock-ttl          | 500ms               | stsvend.shared-cache.lock-ttl: must be between 1s
        stsvend.shared-cache.poll-interval     | 2s                  | stsvend.shared-cache.poll-interval: must be between 10ms
        stsvend.shared-cache.operation-timeout | 6s                  | stsvend.shared-cache.operation-timeout: must be between 10ms
        stsvend.shared-cache.retry-interval    | 50ms                | stsvend.shared-cache.retry-interval: must be between 100ms
        stsvend.shared-cache.retry-interval    | 61s                 | stsvend.shared-cache.retry-interval: must be between 100ms
        stsvend.shared-cache.retry-interval    | 200ms               | stsvend.shared-cache.retry-interval: must be at least operation-timeout (250ms)
        """)
    void sharedCacheSettingsAreChecked(String property, String value, String expected) {
        List<String> problems = assertReported(Map.of("stsvend.shared-cache.enabled", "true",
                "stsvend.shared-cache.keys", KEY), property, value, String::startsWith, expected);
        assertTrue(problems.stream().noneMatch(p -> p.contains("AQEB")), "a problem quotes a key");
    }

    @Test
    void enabledSharedCacheWithAKeyIsValid() {
        assertEquals(List.of(), problemsWith(Map.of("stsvend.shared-cache.enabled", "true",
                "stsvend.shared-cache.keys", KEY)));
    }

    @Test
    void defaultsAreValid() {
        assertEquals(List.of(), problemsWith(Map.of()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
        # duration bounds, and the refresh window between min-remaining (+ back-off) and the duration
        stsvend.sts.duration                               | 50000s | stsvend.sts.duration: must be between 900s
        stsvend.cache.min-remaining                        | 30s    | stsvend.cache.min-remaining: must be between 60s
        stsvend.cache.refresh-window                       | 5m     | stsvend.cache.refresh-window: must be longer than min-remaining plus refresh-backoff
        stsvend.cache.refresh-window                       | 3600s  | stsvend.cache.refresh-window: must be shorter than stsvend.sts.duration
        stsvend.cache.refresh-backoff                      | 0s     | stsvend.cache.refresh-backoff: must be between 1s
        stsvend.cache.min-remaining                        | 30m    | refresh-window (default: half of stsvend.sts.duration): must be longer
        # the forms of STS's names and addresses (StsChecks)
        stsvend.sts.role-arn                               | arn:aws:iam::1:role/x | stsvend.sts.role-arn: must look like acs:ram::<account-id>:role/<role-name>
        stsvend.sts.role-arn                               | acs:ram::1234567890123456:role/a b | stsvend.sts.role-arn: must look like
        stsvend.sts.region                                 | CN_Hangzhou | stsvend.sts.region: must be an Alibaba Cloud region id
        stsvend.sts.endpoint                               | https://sts.aliyuncs.com | stsvend.sts.endpoint: must be host or host:port
        stsvend.sts.access-key-id                          | '   '  | stsvend.sts.access-key-id: must not be blank
        stsvend.sts.access-key-secret                      | '   '  | stsvend.sts.access-key-secret: must not be blank
        stsvend.sts.rrsa.role-arn                          | acs:ram::1:user/x | stsvend.sts.rrsa.role-arn: must look like acs:ram::<account-id>:role/<role-name>
        stsvend.sts.rrsa.oidc-provider-arn                 | acs:ram::1:role/x | stsvend.sts.rrsa.oidc-provider-arn: must look like acs:ram::<account-id>:oidc-provider/<name>
        stsvend.sts.rrsa.role-session-name                 | x      | stsvend.sts.rrsa.role-session-name: must be 2-64 letters
        stsvend.sts.rrsa.endpoint                          | sts.aliyuncs.com/path | stsvend.sts.rrsa.endpoint: must be host or host:port
        # the guard
        stsvend.resilience.total-timeout                   | 61s    | stsvend.resilience.total-timeout: must be between 500ms
        stsvend.sts.connect-timeout                        | 15s    | total-timeout: must be at least stsvend.sts.connect-timeout
        stsvend.resilience.bulkhead.max-concurrent         | 0      | stsvend.resilience.bulkhead.max-concurrent: must be between 1 and 1000
        stsvend.resilience.bulkhead.queue-size             | 0      | stsvend.resilience.bulkhead.queue-size: must be between 1 and 10000
        stsvend.resilience.retry.max-retries               | 11     | stsvend.resilience.retry.max-retries: must be between 0 and 10
        stsvend.resilience.retry.initial-delay             | 5ms    | stsvend.resilience.retry.initial-delay: must be between 10ms
        stsvend.resilience.retry.max-delay                 | 100ms  | stsvend.resilience.retry.max-delay: must be between retry.initial-delay
        stsvend.resilience.retry.max-delay                 | 11s    | stsvend.resilience.retry.max-delay: must be between retry.initial-delay
        stsvend.resilience.retry.jitter                    | 300ms  | stsvend.resilience.retry.jitter: must be between 0s and 200ms
        stsvend.resilience.circuit-breaker.request-volume-threshold | 0 | circuit-breaker.request-volume-threshold: must be between 1
        stsvend.resilience.circuit-breaker.failure-ratio   | 0      | circuit-breaker.failure-ratio: must be above 0 and at most 1
        stsvend.resilience.circuit-breaker.failure-ratio   | 1.5    | circuit-breaker.failure-ratio: must be above 0 and at most 1
        stsvend.resilience.circuit-breaker.delay           | 50ms   | circuit-breaker.delay: must be between 100ms
        stsvend.resilience.circuit-breaker.success-threshold | 21   | circuit-breaker.success-threshold: must be between 1 and 20
        stsvend.resilience.rate-limit.limit                | 0      | rate-limit.limit: must be between 1 and 10000
        stsvend.resilience.rate-limit.window               | 2h     | rate-limit.window: must be between 100ms and 3600s
        stsvend.resilience.rate-limit.limit                | 101    | exceeds the account's AssumeRole quota of 100 per second
        stsvend.resilience.rate-limit.account-quota        | 0      | rate-limit.account-quota: must be between 1 and 100000
        # the per-subject miss limit
        stsvend.miss-limit.per-subject                     | 0      | stsvend.miss-limit.per-subject: must be between 1 and 1000
        stsvend.miss-limit.window                          | 500ms  | stsvend.miss-limit.window: must be between 1s
        stsvend.miss-limit.tracked-subjects                | 10     | stsvend.miss-limit.tracked-subjects: must be between 100
        """)
    void eachRuleReportsItsProperty(String property, String value, String expected) {
        assertReported(Map.of(), property, value, String::contains, expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        stsvend.grants.rules[0].when.claim | exp               | (own-files): no token could satisfy it: when: claim 'exp' is a number
        stsvend.grants.rules[0].when.claim | sub.username      | (own-files): no token could satisfy it: when: claim 'sub' is a string
        stsvend.grants.rules[0].when.claim | a.b.c.d.e.f.g.h.i | (own-files): claim path 'a.b.c.d.e.f.g.h.i' is deeper than 8
        stsvend.grants.rules[0].when.claim | https://x/groups  | (own-files): claim path 'https://x/groups'
        stsvend.grants.rules[0].prefix     | 'u/${claim.iat}/' | (own-files): no token could satisfy it: prefix ${claim.iat}
        """)
    void claimPathsNoTokenCouldSatisfyAreReported(String property, String value, String expected) {
        assertReported(Map.of("stsvend.grants.rules[0].when.claim", "groups",
                "stsvend.grants.rules[0].when.contains", "x"), property, value, String::contains, expected);
    }

    @Test
    void aSpaceSeparatedConditionOnAValueWithASpaceIsReported() {
        List<String> problems = problemsWith(Map.of("stsvend.grants.rules[0].when.claim", "scope",
                "stsvend.grants.rules[0].when.contains", "read write",
                "stsvend.grants.rules[0].when.space-separated", "true"));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("never holds a value containing white space"), problems::toString);
    }

    @Test
    void keycloakAndNamespacedPathsAreValid() {
        assertEquals(List.of(), problemsWith(Map.of("stsvend.grants.rules[0].when.claim",
                "resource_access.\"my.app\".roles", "stsvend.grants.rules[0].when.contains", "editor",
                "stsvend.grants.rules[0].prefix", "users/${claim.\"https://example.com/username\"}/")));
    }

    @Test
    void aRaisedAccountQuotaAllowsAHigherRateLimit() {
        assertEquals(List.of(), problemsWith(Map.of("stsvend.resilience.rate-limit.limit", "150",
                "stsvend.resilience.rate-limit.account-quota", "200")));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problemsWith(Map.of(
                "stsvend.sts.duration", "600s",
                "stsvend.cache.refresh-window", "1m",
                "stsvend.resilience.bulkhead.max-concurrent", "0",
                "stsvend.resilience.rate-limit.limit", "500",
                "stsvend.grants.rules[0].prefix", "users/${claim.nope"));
        assertEquals(5, problems.size(), problems::toString);
        InvalidConfigurationException refused = new InvalidConfigurationException(problems);
        assertTrue(refused.getMessage().startsWith("stsvend cannot start, 5 configuration problem(s)"));
    }
}
