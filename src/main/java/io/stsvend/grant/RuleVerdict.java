package io.stsvend.grant;

import java.util.Objects;
import java.util.Optional;

/**
 * What one grant rule made of one caller: it {@link Outcome#MATCHED} (and gave {@code grant}), it did
 * {@link Outcome#NOT_MATCHED} (its condition does not hold: {@code reason}), or it applied but a claim its prefix
 * needs is unusable ({@link Outcome#INVALID_CLAIM}: {@code reason}; such a rule makes {@code GET /credentials}
 * refuse the caller). Reasons name claims and expected values, never the caller's value.
 */
public record RuleVerdict(String rule, Outcome outcome, Optional<String> reason, Optional<Grant> grant) {

    /** The three things a rule can make of a caller. */
    public enum Outcome { MATCHED, NOT_MATCHED, INVALID_CLAIM }

    public RuleVerdict {
        Objects.requireNonNull(rule, "rule");
        if ((outcome == Outcome.MATCHED) != grant.isPresent() || (outcome == Outcome.MATCHED) == reason.isPresent()) {
            throw new IllegalArgumentException("a matched rule has a grant and no reason, any other a reason only");
        }
    }

    static RuleVerdict matched(String rule, Grant grant) {
        return new RuleVerdict(rule, Outcome.MATCHED, Optional.empty(), Optional.of(grant));
    }

    static RuleVerdict notMatched(String rule, String reason) {
        return new RuleVerdict(rule, Outcome.NOT_MATCHED, Optional.of(reason), Optional.empty());
    }

    static RuleVerdict invalidClaim(String rule, String reason) {
        return new RuleVerdict(rule, Outcome.INVALID_CLAIM, Optional.of(reason), Optional.empty());
    }
}
