package io.stsvend.issuance;

import io.stsvend.grant.ClaimCondition;
import io.stsvend.grant.ClaimPath;
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
                GrantRule built = new GrantRule(rule.name(), rule.bucket(), PrefixTemplate.parse(rule.prefix().orElse("")),
                        rule.access(), rule.objects(), rule.when().map(GrantRules::condition));
                unsatisfiable(built).forEach(why -> problems.add(where + ": no token could satisfy it: " + why));
                rules.add(built);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return new GrantRules(List.copyOf(rules), List.copyOf(problems));
    }

    static ClaimCondition condition(GrantsConfig.When when) {
        return new ClaimCondition(ClaimPath.parse(when.claim()), when.contains(), when.spaceSeparated());
    }

    private static List<String> unsatisfiable(GrantRule rule) {
        List<String> reasons = new ArrayList<>();
        rule.when().flatMap(ClaimCondition::unsatisfiable).ifPresent(why -> reasons.add("when: " + why));
        for (ClaimPath path : rule.prefix().claimPaths()) {
            path.unsatisfiable().ifPresent(why -> reasons.add("prefix ${claim." + path + "}: " + why));
        }
        return reasons;
    }

    GrantMapper mapper() {
        return new GrantMapper(rules);
    }
}
