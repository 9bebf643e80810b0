package io.stsvend.issuance;

import io.quarkus.runtime.StartupEvent;
import io.stsvend.configcheck.ConfigurationRule;
import io.stsvend.configcheck.StartupCheck;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.sharedcache.SharedCacheChecks;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sts.ResilienceConfig;
import io.stsvend.sts.ServerCredentials;
import io.stsvend.sts.StsChecks;
import io.stsvend.sts.StsConfig;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The issuance groups' {@link ConfigurationRule}, reported with every other group's by {@link StartupCheck}: grant
 * rules (templates, duplicates, worst-case policy size),
 * STS settings, cache and refresh-ahead timing ({@link CacheChecks}), the shared cache ({@link SharedCacheChecks}), and the AssumeRole guard
 * ({@link ResilienceChecks}).
 */
@ApplicationScoped
public class ConfigurationCheck implements ConfigurationRule {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class);
    static final Duration MIN_DURATION = Duration.ofSeconds(900);
    static final Duration MAX_DURATION = Duration.ofSeconds(43200);

    private final GrantsConfig grants;
    private final StsConfig sts;
    private final CacheConfig cache;
    private final OssConfig oss;
    private final ResilienceConfig resilience;
    private final MissLimitConfig misses;
    private final SharedCacheConfig shared;

    @Inject
    public ConfigurationCheck(GrantsConfig grants, StsConfig sts, CacheConfig cache, OssConfig oss,
                              ResilienceConfig resilience, MissLimitConfig misses, SharedCacheConfig shared) {
        this.grants = grants;
        this.sts = sts;
        this.cache = cache;
        this.oss = oss;
        this.resilience = resilience;
        this.misses = misses;
        this.shared = shared;
    }

    @Override
    public List<String> problems() {
        return problems(grants, sts, cache, oss, resilience, misses, shared);
    }

    /** After {@link StartupCheck} passed (priority 1): what this replica vends, once. */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        LOG.infof("Vending for role %s, %d grant rule(s), tokens of %ss, cache of %d entries",
                sts.roleArn(), grants.rules().size(), sts.duration().toSeconds(), cache.maximumSize());
        CacheChecks.heapWarning(cache.maximumSize(), Runtime.getRuntime().maxMemory()).ifPresent(LOG::warn);
    }

    static List<String> problems(GrantsConfig grants, StsConfig sts, CacheConfig cache, OssConfig oss,
                                 ResilienceConfig resilience, MissLimitConfig misses, SharedCacheConfig shared) {
        Problems problems = new Problems();
        problems.addAll(SharedCacheChecks.problems(shared));
        grants(grants, problems);
        problems.within("stsvend.sts.duration", sts.duration(), MIN_DURATION, MAX_DURATION);
        problems.within("stsvend.sts.connect-timeout", sts.connectTimeout(), Duration.ofMillis(100), Duration.ofSeconds(30));
        problems.within("stsvend.sts.read-timeout", sts.readTimeout(), Duration.ofMillis(100), Duration.ofSeconds(60));
        problems.addAll(StsChecks.problems(sts));
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
