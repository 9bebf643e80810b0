package io.stsvend.grant.policy;

import java.util.List;

/**
 * An immutable, parsed RAM policy (spec §3.1), checked strictly on construction so that what the emulators accept
 * is never broader than what the real STS accepts for policies this service writes.
 *
 * <p>Grammar enforced by {@link #parse(String)} (identity and STS session policies) — anything else is a
 * {@link PolicyGrammarException}:
 * <ul>
 * <li>valid JSON (duplicate member names and trailing content rejected), at most {@value #MAX_CHARS} characters
 * (a sanity bound; the 2048-character STS session-policy limit is checked by the caller);</li>
 * <li>an object with exactly the members {@code Version} (the string {@code "1"}) and {@code Statement} (a non-empty
 * array of objects); member names are case-sensitive;</li>
 * <li>each statement has {@code Effect} (exactly {@code "Allow"} or {@code "Deny"}), exactly one of {@code Action} /
 * {@code NotAction} ({@code *} or {@code <ram-code>:<action>}), {@code Resource} ({@code *} or an
 * {@code acs:} ARN), and optionally {@code Sid} (string) and {@code Condition}; any other member
 * ({@code Principal}, {@code NotResource}, ...) is rejected;</li>
 * <li>Action/NotAction/Resource are a non-empty string or a non-empty array of non-empty strings;</li>
 * <li>{@code Condition} is a non-empty object of known {@link ConditionOperator}s, each a non-empty object of
 * {@code <prefix>:<name>} keys (unique ignoring case) to a string or non-empty array of strings, each valid for the
 * operator's type. <b>Bare JSON numbers and booleans are rejected</b> ({@code "10"}, {@code "true"} must be written
 * as strings), following spec §3.1 "strings only": being stricter than RAM here costs nothing, since the service
 * writes its own policies, while being looser would let a test pass that fails against real STS.</li>
 * </ul>
 * {@link #parseResourcePolicy(String)} (OSS bucket policies) additionally requires {@code Principal} in every
 * statement. Thread-safe.
 */
public final class PolicyDocument {

    /** Upper bound on the JSON text, in characters. */
    public static final int MAX_CHARS = 65_536;

    private final List<Statement> statements;
    private final boolean resourcePolicy;

    private PolicyDocument(List<Statement> statements, boolean resourcePolicy) {
        this.statements = List.copyOf(statements);
        this.resourcePolicy = resourcePolicy;
    }

    /**
     * Parses an identity or session policy (no {@code Principal}).
     *
     * @throws PolicyGrammarException when {@code json} is null or breaks the grammar above
     */
    public static PolicyDocument parse(String json) {
        return new PolicyDocument(PolicyParser.parse(json, false), false);
    }

    /**
     * Parses a resource-based (bucket) policy, in which every statement must carry a {@code Principal}.
     *
     * @throws PolicyGrammarException when {@code json} is null or breaks the grammar
     */
    public static PolicyDocument parseResourcePolicy(String json) {
        return new PolicyDocument(PolicyParser.parse(json, true), true);
    }

    /** The statements in document order; immutable. */
    public List<Statement> statements() {
        return statements;
    }

    /** True when parsed with {@link #parseResourcePolicy(String)}. */
    public boolean isResourcePolicy() {
        return resourcePolicy;
    }

    /** Whether some statement with {@code effect} applies to {@code request}. */
    public boolean hasApplicable(Effect effect, AccessRequest request) {
        return statements.stream().anyMatch(s -> s.effect() == effect && s.appliesTo(request));
    }

    @Override
    public String toString() {
        return "PolicyDocument[" + (resourcePolicy ? "resource, " : "") + statements.size() + " statement(s)]";
    }
}
