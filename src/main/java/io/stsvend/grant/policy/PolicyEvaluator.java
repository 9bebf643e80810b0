package io.stsvend.grant.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RAM policy evaluation for one request, exactly as spec §3.5 orders it:
 * <ol>
 * <li>a Deny statement that applies, in any of the given policies → {@link Decision#EXPLICIT_DENY} (final);</li>
 * <li>a session policy is present but none of its Allow statements applies → {@link Decision#IMPLICIT_DENY}
 * (the session policy only narrows: token permissions = session ∩ (identity ∪ resource));</li>
 * <li>an Allow statement applies in the identity policies or the resource (bucket) policies →
 * {@link Decision#ALLOW};</li>
 * <li>otherwise → {@link Decision#IMPLICIT_DENY}.</li>
 * </ol>
 * An absent session policy skips step 2. Empty identity and resource lists mean nothing is granted. Stateless,
 * thread-safe, no I/O.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Decision evaluate(AccessRequest request, Optional<PolicyDocument> sessionPolicy,
                                    List<PolicyDocument> identityPolicies, List<PolicyDocument> resourcePolicies) {
        return explain(request, sessionPolicy, identityPolicies, resourcePolicies).decision();
    }

    /**
     * The same evaluation as {@link #evaluate(AccessRequest, Optional, List, List)} (which delegates here), with the
     * statements that decided it. Every statement is looked at, so all applicable Denies and Allows are reported.
     */
    public static Evaluation explain(AccessRequest request, Optional<PolicyDocument> sessionPolicy,
                                     List<PolicyDocument> identityPolicies, List<PolicyDocument> resourcePolicies) {
        Objects.requireNonNull(request, "request");
        List<Evaluation.StatementRef> denies = new ArrayList<>();
        List<Evaluation.StatementRef> sessionAllows = new ArrayList<>();
        List<Evaluation.StatementRef> grantingAllows = new ArrayList<>();
        sessionPolicy.ifPresent(p -> collect(p, Evaluation.Source.SESSION, 0, request, denies, sessionAllows));
        for (int i = 0; i < identityPolicies.size(); i++) {
            collect(identityPolicies.get(i), Evaluation.Source.IDENTITY, i, request, denies, grantingAllows);
        }
        for (int i = 0; i < resourcePolicies.size(); i++) {
            collect(resourcePolicies.get(i), Evaluation.Source.RESOURCE, i, request, denies, grantingAllows);
        }
        Decision decision;
        if (!denies.isEmpty()) {
            decision = Decision.EXPLICIT_DENY;
        } else if (sessionPolicy.isPresent() && sessionAllows.isEmpty()) {
            decision = Decision.IMPLICIT_DENY;
        } else {
            decision = grantingAllows.isEmpty() ? Decision.IMPLICIT_DENY : Decision.ALLOW;
        }
        return new Evaluation(decision, denies,
                sessionPolicy.isPresent() ? Optional.of(sessionAllows) : Optional.empty(), grantingAllows);
    }

    private static void collect(PolicyDocument policy, Evaluation.Source source, int index, AccessRequest request,
                                List<Evaluation.StatementRef> denies, List<Evaluation.StatementRef> allows) {
        List<Statement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            if (statement.appliesTo(request)) {
                var ref = new Evaluation.StatementRef(source, index, i, statement.sid());
                (statement.effect() == Effect.DENY ? denies : allows).add(ref);
            }
        }
    }

    /** The decision of a single policy on its own: its Deny wins, else its Allow, else implicit deny. */
    public static Decision evaluate(AccessRequest request, PolicyDocument policy) {
        return evaluate(request, Optional.empty(), List.of(policy), List.of());
    }
}
