package io.stsvend.grant.policy;

import java.util.List;
import java.util.Optional;

/**
 * A {@link Decision} with the statements that led to it, as {@link PolicyEvaluator#explain} finds them:
 * {@code denies}: every applicable Deny (non-empty exactly for {@link Decision#EXPLICIT_DENY});
 * {@code sessionAllows}: the session policy's applicable Allows (empty when no session policy was given);
 * {@code grantingAllows}: the applicable Allows of the identity and resource policies. Immutable.
 */
public record Evaluation(Decision decision, List<StatementRef> denies, Optional<List<StatementRef>> sessionAllows,
                         List<StatementRef> grantingAllows) {

    public Evaluation {
        denies = List.copyOf(denies);
        sessionAllows = sessionAllows.map(List::copyOf);
        grantingAllows = List.copyOf(grantingAllows);
    }

    /** Which policy a statement came from, in the evaluator's argument order. */
    public enum Source { SESSION, IDENTITY, RESOURCE }

    /**
     * One statement: its policy ({@code source}, and {@code policy}, the index in that argument's list; 0 for the
     * session policy), its index in the policy's {@code Statement} array, and its {@code Sid} if it has one.
     */
    public record StatementRef(Source source, int policy, int statement, Optional<String> sid) {
    }
}
