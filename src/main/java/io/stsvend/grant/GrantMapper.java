package io.stsvend.grant;

import io.stsvend.error.CodedException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Turns a caller's verified claims into grants by applying the configured rules. Grants with the same bucket,
 * prefix and object pattern are merged; the result is sorted, so equal claims always yield equal grants (and so the
 * same session policy and cache key). Immutable and thread-safe.
 */
public final class GrantMapper {

    private final List<GrantRule> rules;

    public GrantMapper(List<GrantRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The caller's grants, possibly empty.
     *
     * @throws io.stsvend.error.CodedException INVALID_CLAIM when a value needed by an applicable rule is unsafe
     */
    public List<Grant> grantsFor(Claims claims) {
        List<Grant> grants = new ArrayList<>(rules.size());
        for (GrantRule rule : rules) {
            if (rule.appliesTo(claims)) {
                merge(grants, rule.grantFor(claims));
            }
        }
        Collections.sort(grants);
        return List.copyOf(grants);
    }

    /**
     * An upper bound of any caller's grant set: every rule applies, every variable at maximum length, and nothing
     * merged (different variables may take different values for a real caller).
     */
    public List<Grant> worstCaseGrants() {
        List<Grant> grants = new ArrayList<>();
        for (GrantRule rule : rules) {
            grants.add(rule.worstCaseGrant());
        }
        Collections.sort(grants);
        return grants;
    }

    /**
     * Every rule's verdict on the caller, in rule order: the explanation of {@link #grantsFor}. A rule whose
     * condition holds and whose prefix expands is {@code MATCHED} (its grant is the rule's own, before merging); if
     * any verdict is {@code INVALID_CLAIM}, {@link #grantsFor} throws for these claims. Never throws for claims.
     */
    public List<RuleVerdict> verdicts(Claims claims) {
        List<RuleVerdict> verdicts = new ArrayList<>(rules.size());
        for (GrantRule rule : rules) {
            Optional<String> mismatch = rule.when().flatMap(c -> c.mismatch(claims));
            if (mismatch.isPresent()) {
                verdicts.add(RuleVerdict.notMatched(rule.name(), mismatch.get()));
                continue;
            }
            try {
                verdicts.add(RuleVerdict.matched(rule.name(), rule.grantFor(claims)));
            } catch (CodedException e) {
                verdicts.add(RuleVerdict.invalidClaim(rule.name(), e.detail().orElse(e.errorCode().title())));
            }
        }
        return List.copyOf(verdicts);
    }

    public List<GrantRule> rules() {
        return rules;
    }

    private static void merge(List<Grant> grants, Grant grant) {
        for (int i = 0; i < grants.size(); i++) {
            if (grants.get(i).sameScope(grant)) {
                grants.set(i, grants.get(i).withAccess(grant.access()));
                return;
            }
        }
        grants.add(grant);
    }
}
