package io.stsvend.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer of the explain endpoints, built for {@code curl | jq}: every rule's verdict, the grants, whether
 * {@code GET /credentials} would issue, the exact session policy it would send to AssumeRole (as a JSON object),
 * and, when asked, the RAM decision on one action and resource; while an admin blocks the subject, until when
 * ({@code blockedUntil}, and {@code credentials.outcome} is {@code subject-blocked}). Holds no token, key or secret: the session policy
 * is not one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"subject", "blockedUntil", "rules", "grants", "credentials", "sessionPolicy",
        "sessionPolicyFingerprint", "decision"})
@Schema(description = "Why the caller gets (or does not get) what they get.")
// Resources return a Response, so the native build cannot see this type: register it and its parts.
@RegisterForReflection(targets = {Explanation.class, Explanation.Rule.class, Explanation.GrantView.class,
        Explanation.Credentials.class, Explanation.Verdict.class, Explanation.PolicyPart.class,
        Explanation.StatementView.class})
public record Explanation(String subject, List<Rule> rules, List<GrantView> grants, Credentials credentials,
                          @JsonRawValue @Schema(type = SchemaType.OBJECT,
                                  description = "The exact session policy GET /credentials sends to AssumeRole")
                          String sessionPolicy,
                          String sessionPolicyFingerprint, Verdict decision,
                          @Schema(description = "End of an admin's block of the subject (UTC), absent without one")
                          String blockedUntil) {

    /** One grant rule's verdict: {@code matched}, {@code not-matched} or {@code invalid-claim}, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String name, String outcome, String reason, String grant) {
    }

    /** One grant as the session policy renders it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String bucket, String prefix, String objects, List<String> access,
                            String objectResource) {
    }

    /** {@code issued} when GET /credentials would hand out credentials, else its error code and detail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credentials(String outcome, String detail) {
    }

    /**
     * The RAM decision on the question: {@code allowed}, {@code implicitly-denied}, {@code explicitly-denied}, or
     * {@code no-credentials} when GET /credentials would refuse; {@code reason} says which policy decided.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"action", "resource", "prefix", "decision", "reason", "sessionPolicy", "rolePolicy",
            "explicitDenies"})
    public record Verdict(String action, String resource, String prefix, String decision, String reason,
                          PolicyPart sessionPolicy, PolicyPart rolePolicy, List<StatementView> explicitDenies) {
    }

    /** What one policy says on its own: whether it was evaluated, whether it allows, and by which statements. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyPart(boolean evaluated, Boolean allows, List<StatementView> allowingStatements) {
    }

    /** A statement by policy ({@code session} or {@code role}), index in its Statement array and Sid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatementView(String policy, int statement, String sid) {
    }
}
