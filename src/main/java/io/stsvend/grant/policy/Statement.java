package io.stsvend.grant.policy;

import java.util.List;
import java.util.Optional;

/**
 * One immutable statement of a {@link PolicyDocument}. It applies to a request when its action patterns match (or,
 * for {@code NotAction}, none of them matches), one of its resource patterns matches, its Principal (resource
 * policies only) matches, and every {@link ConditionClause} holds.
 *
 * <p>Actions match case-insensitively with {@link Wildcard} ({@code oss:get*} covers {@code oss:GetObject}).
 * Resources match per {@link ArnPattern} (case-sensitive, field-wise, {@code *} crossing {@code /} in the
 * relative id). A Principal value {@code *} matches every request; other values match (wildcards allowed,
 * case-sensitive) any value of the request's {@link AccessRequest#PRINCIPAL_KEY}; without that key only {@code *}
 * matches, so a principal-restricted grant fails closed.
 */
public final class Statement {

    private final Optional<String> sid;
    private final Effect effect;
    private final List<String> actions;
    private final boolean notAction;
    private final List<String> resources;
    private final Optional<List<String>> principals;
    private final List<ConditionClause> conditions;

    Statement(Optional<String> sid, Effect effect, List<String> actions, boolean notAction, List<String> resources,
              Optional<List<String>> principals, List<ConditionClause> conditions) {
        this.sid = sid;
        this.effect = effect;
        this.actions = List.copyOf(actions);
        this.notAction = notAction;
        this.resources = List.copyOf(resources);
        this.principals = principals.map(List::copyOf);
        this.conditions = List.copyOf(conditions);
    }

    public Optional<String> sid() {
        return sid;
    }

    public Effect effect() {
        return effect;
    }

    /** The Action patterns, or the NotAction patterns when {@link #notAction()}. */
    public List<String> actions() {
        return actions;
    }

    /** True when the statement was written with {@code NotAction}. */
    public boolean notAction() {
        return notAction;
    }

    public List<String> resources() {
        return resources;
    }

    /** The flattened Principal values; present only in resource (bucket) policies. */
    public Optional<List<String>> principals() {
        return principals;
    }

    public List<ConditionClause> conditions() {
        return conditions;
    }

    /** Whether this statement applies to {@code request} (regardless of its effect). */
    public boolean appliesTo(AccessRequest request) {
        return actionMatches(request.action())
                && resources.stream().anyMatch(r -> ArnPattern.matches(r, request.resource()))
                && principalMatches(request)
                && conditions.stream().allMatch(c -> c.matches(request));
    }

    private boolean actionMatches(String action) {
        boolean listed = actions.stream().anyMatch(a -> Wildcard.matchesIgnoreCase(a, action));
        return listed != notAction;
    }

    private boolean principalMatches(AccessRequest request) {
        if (principals.isEmpty()) {
            return true;
        }
        List<String> requester = request.values(AccessRequest.PRINCIPAL_KEY);
        return principals.get().stream().anyMatch(p -> "*".equals(p)
                || requester.stream().anyMatch(r -> Wildcard.matches(p, r)));
    }

    @Override
    public String toString() {
        return "Statement[" + sid.map(s -> "Sid=" + PolicyGrammarException.excerpt(s) + ", ").orElse("") + effect.json()
                + (notAction ? " NotAction" : " Action") + "=" + actions.size() + " pattern(s), "
                + resources.size() + " resource(s), " + conditions.size() + " condition(s)]";
    }
}
