package io.stsvend.grant.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

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
        Objects.requireNonNull(request, "request");
        List<PolicyDocument> session = sessionPolicy.stream().toList();
        boolean denied = Stream.of(session, identityPolicies, resourcePolicies)
                .flatMap(List::stream)
                .anyMatch(p -> p.hasApplicable(Effect.DENY, request));
        if (denied) {
            return Decision.EXPLICIT_DENY;
        }
        if (sessionPolicy.isPresent() && !sessionPolicy.get().hasApplicable(Effect.ALLOW, request)) {
            return Decision.IMPLICIT_DENY;
        }
        boolean allowed = Stream.concat(identityPolicies.stream(), resourcePolicies.stream())
                .anyMatch(p -> p.hasApplicable(Effect.ALLOW, request));
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** The decision of a single policy on its own: its Deny wins, else its Allow, else implicit deny. */
    public static Decision evaluate(AccessRequest request, PolicyDocument policy) {
        return evaluate(request, Optional.empty(), List.of(policy), List.of());
    }
}
