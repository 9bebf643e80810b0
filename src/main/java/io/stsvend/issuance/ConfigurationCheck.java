package io.stsvend.issuance;

import io.quarkus.runtime.StartupEvent;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.sts.ResilienceConfig;
import io.stsvend.sts.ServerCredentials;
import io.stsvend.sts.StsConfig;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Checks the whole configuration when the application starts, before anything else runs, and refuses to start on
 * any problem, reporting all of them in one message: grant rules (templates, duplicates, worst-case policy size),
 * STS settings, cache and refresh-ahead timing ({@link CacheChecks}), the shared cache ({@link SharedCacheChecks}), and the AssumeRole guard
 * ({@link ResilienceChecks}). {@link #passed()} tells readiness whether the check has run and passed.
 */
@ApplicationScoped
public class ConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class);
    static final Duration MIN_DURATION = Duration.ofSeconds(900);
    static final Duration MAX_DURATION = Duration.ofSeconds(43200);

    private volatile boolean passed;

    void onStart(@Observes @Priority(1) StartupEvent event, GrantsConfig grants, StsConfig sts, CacheConfig cache,
                 OssConfig oss, ResilienceConfig resilience, MissLimitConfig misses, SharedCacheConfig shared) {
        List<String> problems = problems(grants, sts, cache, oss, resilience, misses, shared);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        passed = true;
        LOG.infof("Vending for role %s, %d grant rule(s), tokens of %ss, cache of %d entries",
                sts.roleArn(), grants.rules().size(), sts.duration().toSeconds(), cache.maximumSize());
    }

    /** True once the startup check has run and found no problem. */
    public boolean passed() {
        return passed;
    }

    static List<String> problems(GrantsConfig grants, StsConfig sts, CacheConfig cache, OssConfig oss,
                                 ResilienceConfig resilience, MissLimitConfig misses, SharedCacheConfig shared) {
        Problems problems = new Problems();
        SharedCacheChecks.check(shared, problems);
        grants(grants, problems);
        problems.within("stsvend.sts.duration", sts.duration(), MIN_DURATION, MAX_DURATION);
        problems.within("stsvend.sts.connect-timeout", sts.connectTimeout(), Duration.ofMillis(100), Duration.ofSeconds(30));
        problems.within("stsvend.sts.read-timeout", sts.readTimeout(), Duration.ofMillis(100), Duration.ofSeconds(60));
        problems.addAll(ServerCredentials.problems(sts));
        if (!oss.endpoint().matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?")) {
            problems.add("stsvend.oss.endpoint: must be an http(s) URL with a host and optional port");
        }
        CacheChecks.check(cache, misses, sts, problems);
        ResilienceChecks.check(resilience, sts, problems);
        return problems.list();
    }

    private static void grants(GrantsConfig grants, Problems problems) {
        GrantRules rules = GrantRules.from(grants);
        problems.addAll(rules.problems());
        if (rules.problems().isEmpty() && !rules.rules().isEmpty()) {
            int worst = SessionPolicy.renderedLength(rules.mapper().worstCaseGrants());
            if (worst > SessionPolicy.MAX_LENGTH) {
                problems.add("stsvend.grants.rules: a caller matching every rule with 128-character claim values would"
                        + " need a session policy of " + worst + " characters; STS accepts " + SessionPolicy.MAX_LENGTH);
            }
        }
    }
}
