package io.stsvend.explain;

import io.stsvend.grant.policy.Decision;
import io.stsvend.grant.policy.Evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns an {@link Evaluation} into the {@link Explanation.Verdict} a person reads. */
final class VerdictWords {

    static final String SESSION = "session";
    static final String ROLE = "role";

    private VerdictWords() {
    }

    /**
     * @param roleKnown true when the role policy was evaluated (as the identity policy, session policy as session);
     *                  false when the session policy was evaluated alone (as the only identity policy)
     */
    static Explanation.Verdict of(Question question, Evaluation evaluation, boolean roleKnown) {
        List<Explanation.StatementView> denies = views(evaluation.denies(), roleKnown);
        List<Explanation.StatementView> sessionAllows = roleKnown
                ? views(evaluation.sessionAllows().orElse(List.of()), true)
                : views(evaluation.grantingAllows(), false);
        Explanation.PolicyPart session = new Explanation.PolicyPart(true, !sessionAllows.isEmpty(), sessionAllows);
        Explanation.PolicyPart role;
        if (roleKnown) {
            List<Explanation.StatementView> roleAllows = views(evaluation.grantingAllows(), true);
            role = new Explanation.PolicyPart(true, !roleAllows.isEmpty(), roleAllows);
        } else {
            role = new Explanation.PolicyPart(false, null, null);
        }
        return new Explanation.Verdict(question.action(), question.resource(), question.prefix().orElse(null),
                label(evaluation.decision()), reason(evaluation.decision(), denies, session, role, question),
                session, role, denies.isEmpty() ? null : denies);
    }

    static Explanation.Verdict noCredentials(Question question, String code) {
        return new Explanation.Verdict(question.action(), question.resource(), question.prefix().orElse(null),
                "no-credentials", "GET /credentials refuses these claims (" + code + "), so nothing can be asked of"
                + " OSS with them.", null, null, null);
    }

    static String label(Decision decision) {
        return switch (decision) {
            case ALLOW -> "allowed";
            case IMPLICIT_DENY -> "implicitly-denied";
            case EXPLICIT_DENY -> "explicitly-denied";
        };
    }

    private static String reason(Decision decision, List<Explanation.StatementView> denies,
                                 Explanation.PolicyPart session, Explanation.PolicyPart role, Question question) {
        String roleCaveat = role.evaluated() ? ""
                : " The role's own policy was not checked (stsvend.explain.role-policy is unset); RAM also requires"
                + " it to allow the request.";
        return switch (decision) {
            case EXPLICIT_DENY -> "Explicitly denied by " + denies.stream().map(VerdictWords::name)
                    .collect(Collectors.joining(", ")) + "; a Deny wins over every Allow.";
            case ALLOW -> "Allowed by " + session.allowingStatements().stream().map(VerdictWords::name)
                    .collect(Collectors.joining(", "))
                    + (role.evaluated() ? " and by " + role.allowingStatements().stream().map(VerdictWords::name)
                    .collect(Collectors.joining(", ")) + "." : "." + roleCaveat);
            case IMPLICIT_DENY -> Boolean.TRUE.equals(session.allows())
                    ? "Implicitly denied: the session policy allows it, but no statement of the role's own policy"
                    + " does (credentials may do only what both allow)."
                    : "Implicitly denied: no statement of the session policy allows " + question.action()
                    + " on this resource" + (question.prefix().isPresent() ? " with this prefix" : "")
                    + ", so none of the grants covers it." + roleCaveat;
        };
    }

    private static List<Explanation.StatementView> views(List<Evaluation.StatementRef> refs, boolean roleKnown) {
        return refs.stream().map(r -> new Explanation.StatementView(policyOf(r, roleKnown), r.statement(),
                r.sid().orElse(null))).toList();
    }

    private static String policyOf(Evaluation.StatementRef ref, boolean roleKnown) {
        return ref.source() == Evaluation.Source.SESSION || !roleKnown ? SESSION : ROLE;
    }

    private static String name(Explanation.StatementView view) {
        return "the " + view.policy() + " policy's Statement[" + view.statement() + "]"
                + Optional.ofNullable(view.sid()).map(s -> " (Sid " + s + ")").orElse("");
    }

    static String outcome(Enum<?> outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
