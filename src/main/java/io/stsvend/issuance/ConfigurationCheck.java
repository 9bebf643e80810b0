package io.stsvend.issuance;

import io.quarkus.runtime.StartupEvent;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.sts.ServerCredentials;
import io.stsvend.sts.StsConfig;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the whole configuration when the application starts and refuses to start on any problem, reporting all of
 * them in one message.
 */
@ApplicationScoped
public class ConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class);
    static final Duration MIN_DURATION = Duration.ofSeconds(900);
    static final Duration MAX_DURATION = Duration.ofSeconds(43200);

    void onStart(@Observes @Priority(1) StartupEvent event, GrantsConfig grants, StsConfig sts, CacheConfig cache,
                 OssConfig oss) {
        List<String> problems = problems(grants, sts, cache, oss);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        LOG.infof("Vending for role %s, %d grant rule(s), tokens of %ss, cache of %d entries",
                sts.roleArn(), grants.rules().size(), sts.duration().toSeconds(), cache.maximumSize());
    }

    static List<String> problems(GrantsConfig grants, StsConfig sts, CacheConfig cache, OssConfig oss) {
        List<String> problems = new ArrayList<>();
        GrantRules rules = GrantRules.from(grants);
        problems.addAll(rules.problems());
        if (rules.problems().isEmpty() && !rules.rules().isEmpty()) {
            int worst = SessionPolicy.renderedLength(rules.mapper().worstCaseGrants());
            if (worst > SessionPolicy.MAX_LENGTH) {
                problems.add("stsvend.grants.rules: a caller matching every rule with 128-character claim values would"
                        + " need a session policy of " + worst + " characters; STS accepts " + SessionPolicy.MAX_LENGTH);
            }
        }
        within(problems, "stsvend.sts.duration", sts.duration(), MIN_DURATION, MAX_DURATION);
        within(problems, "stsvend.sts.connect-timeout", sts.connectTimeout(), Duration.ofMillis(100), Duration.ofSeconds(30));
        within(problems, "stsvend.sts.read-timeout", sts.readTimeout(), Duration.ofMillis(100), Duration.ofSeconds(60));
        within(problems, "stsvend.cache.min-remaining", cache.minRemaining(), Duration.ofMinutes(1),
                sts.duration().minusMinutes(1));
        if (cache.maximumSize() < 1 || cache.maximumSize() > 10_000_000) {
            problems.add("stsvend.cache.maximum-size: must be between 1 and 10000000, is " + cache.maximumSize());
        }
        problems.addAll(ServerCredentials.problems(sts));
        if (!oss.endpoint().matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?")) {
            problems.add("stsvend.oss.endpoint: must be an http(s) URL with a host and optional port");
        }
        return problems;
    }

    private static void within(List<String> problems, String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(name + ": must be between " + min.toSeconds() + "s and " + max.toSeconds() + "s, is "
                    + value.toSeconds() + "s");
        }
    }
}
