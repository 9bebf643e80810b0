package io.stsvend.issuance;

import io.stsvend.grant.ClaimCondition;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantRule;
import io.stsvend.grant.PrefixTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link GrantRule}s from configuration, collecting a readable problem for every rule that is wrong instead
 * of stopping at the first.
 */
record GrantRules(List<GrantRule> rules, List<String> problems) {

    static GrantRules from(GrantsConfig config) {
        List<GrantRule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (config.rules().isEmpty()) {
            problems.add("stsvend.grants.rules: no rule is configured, so every caller would be refused");
        }
        for (int i = 0; i < config.rules().size(); i++) {
            GrantsConfig.Rule rule = config.rules().get(i);
            String where = "stsvend.grants.rules[" + i + "] (" + rule.name() + ")";
            if (!names.add(rule.name())) {
                problems.add(where + ": duplicate rule name");
            }
            try {
                rules.add(new GrantRule(rule.name(), rule.bucket(), PrefixTemplate.parse(rule.prefix().orElse("")),
                        rule.access(), rule.objects(),
                        rule.when().map(w -> new ClaimCondition(w.claim(), w.contains()))));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return new GrantRules(List.copyOf(rules), List.copyOf(problems));
    }

    GrantMapper mapper() {
        return new GrantMapper(rules);
    }
}
