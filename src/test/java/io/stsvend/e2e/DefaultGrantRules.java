package io.stsvend.e2e;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import io.stsvend.grant.ClaimCondition;
import io.stsvend.grant.ClaimPath;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantRule;
import io.stsvend.grant.PrefixTemplate;
import io.stsvend.issuance.GrantsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/**
 * The grant rules shipped in {@code application.yaml}, read through SmallRye Config exactly as the service reads
 * them (including the {@code \$} escape in {@code users/\${sub}/}), so tests check the defaults and not a copy.
 */
final class DefaultGrantRules {

    private DefaultGrantRules() {
    }

    static GrantMapper mapper() {
        URL yaml = DefaultGrantRules.class.getClassLoader().getResource("application.yaml");
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withSources(new YamlConfigSource(yaml))
                    .withMapping(GrantsConfig.class)
                    .build();
            return new GrantMapper(rules(config.getConfigMapping(GrantsConfig.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same construction as the service's issuance.GrantRules, which is package-private. */
    private static List<GrantRule> rules(GrantsConfig config) {
        return config.rules().stream()
                .map(rule -> new GrantRule(rule.name(), rule.bucket(), PrefixTemplate.parse(rule.prefix().orElse("")),
                        rule.access(), rule.objects(),
                        rule.when().map(w -> new ClaimCondition(ClaimPath.parse(w.claim()), w.contains(),
                                w.spaceSeparated()))))
                .toList();
    }
}
