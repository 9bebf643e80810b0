package io.stsvend.explain;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.Access;
import io.stsvend.grant.Grant;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.RuleVerdict;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.grant.policy.Evaluation;
import io.stsvend.grant.policy.PolicyDocument;
import io.stsvend.grant.policy.PolicyEvaluator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Explains what {@code GET /credentials} makes of a claim set, with the very code it uses: the grant rules'
 * verdicts ({@link GrantMapper#verdicts}), the grants ({@link GrantMapper#grantsFor}), the session policy
 * ({@link SessionPolicy#of}, un-narrowed) and, for a {@link Question}, the decision of {@link PolicyEvaluator} — the
 * evaluator the OSS emulator authorizes with — on the session policy intersected with the role's own policy when
 * that is known. Never calls STS, never touches the credential cache. Immutable and thread-safe.
 */
public final class Explainer {

    static final String ISSUED = "issued";

    private final GrantMapper mapper;
    private final Optional<PolicyDocument> rolePolicy;

    /**
     * @param rolePolicy the role's own policy, if known
     */
    public Explainer(GrantMapper mapper, Optional<PolicyDocument> rolePolicy) {
        this.mapper = mapper;
        this.rolePolicy = rolePolicy;
    }

    public Explanation explain(ClaimSet claims, Optional<Question> question) {
        return explain(claims, question, Optional.empty());
    }

    /**
     * As {@link #explain(ClaimSet, Optional)} for a subject an admin blocked until {@code blockedUntil} (if present):
     * the rules and grants are what the subject would get, but GET /credentials refuses ({@code subject-blocked}),
     * so a question's decision is {@code no-credentials}.
     */
    public Explanation explain(ClaimSet claims, Optional<Question> question, Optional<Instant> blockedUntil) {
        List<Explanation.Rule> rules = mapper.verdicts(claims).stream().map(Explainer::rule).toList();
        List<Grant> grants = List.of();
        SessionPolicy policy = null;
        Explanation.Credentials credentials;
        try {
            grants = mapper.grantsFor(claims);
            policy = SessionPolicy.of(grants);
            credentials = blockedUntil.map(Explainer::blocked).orElse(new Explanation.Credentials(ISSUED, null));
        } catch (CodedException e) {
            credentials = new Explanation.Credentials(e.errorCode().code(), e.detail().orElse(e.errorCode().title()));
        }
        Explanation.Verdict verdict = null;
        if (question.isPresent()) {
            verdict = policy == null || blockedUntil.isPresent() ? VerdictWords.noCredentials(question.get(), credentials.outcome())
                    : decide(question.get(), PolicyDocument.parse(policy.json()));
        }
        return new Explanation(claims.subject(), rules, grants.stream().map(Explainer::view).toList(), credentials,
                policy == null ? null : policy.json(), policy == null ? null : policy.fingerprint(), verdict,
                blockedUntil.map(Instant::toString).orElse(null));
    }

    private static Explanation.Credentials blocked(Instant until) {
        return new Explanation.Credentials(ErrorCode.SUBJECT_BLOCKED.code(),
                "An administrator has suspended credentials for this user until " + until + ".");
    }

    private Explanation.Verdict decide(Question question, PolicyDocument session) {
        // With the role known, exactly the emulator's call (RamAuthorizer); without it, the session policy alone.
        Evaluation evaluation = rolePolicy
                .map(role -> PolicyEvaluator.explain(question.request(), Optional.of(session), List.of(role),
                        List.of()))
                .orElseGet(() -> PolicyEvaluator.explain(question.request(), Optional.empty(), List.of(session),
                        List.of()));
        return VerdictWords.of(question, evaluation, rolePolicy.isPresent());
    }

    private static Explanation.Rule rule(RuleVerdict verdict) {
        return new Explanation.Rule(verdict.rule(), VerdictWords.outcome(verdict.outcome()),
                verdict.reason().orElse(null), verdict.grant().map(Explainer::describe).orElse(null));
    }

    private static Explanation.GrantView view(Grant grant) {
        return new Explanation.GrantView(grant.bucket(), grant.prefix(), grant.objectPattern().orElse(null),
                grant.access().stream().map(Access::label).toList(), grant.objectResource());
    }

    private static String describe(Grant grant) {
        return grant.bucket() + "/" + grant.prefix() + grant.objectPattern().orElse("") + ":"
                + String.join(",", grant.access().stream().map(Access::label).toList());
    }
}
