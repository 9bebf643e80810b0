package io.stsvend.grant;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule applies: the named claim equals {@code value}, or — when the claim is a list, such as {@code groups} —
 * contains it. A missing claim, or one of another type, never matches (fail closed).
 */
public record ClaimCondition(String claim, String value) {

    public ClaimCondition {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(value, "value");
        if (claim.isBlank() || value.isEmpty()) {
            throw new IllegalArgumentException("condition needs a claim name and a value");
        }
    }

    public boolean holds(Claims claims) {
        return mismatch(claims).isEmpty();
    }

    /**
     * Why this condition does not hold for the caller, in words fit for the caller ("claim groups does not contain
     * viewer"); empty when it holds. Never quotes the caller's claim value.
     */
    public Optional<String> mismatch(Claims claims) {
        Object actual = claims.claim(claim).orElse(null);
        if (actual == null) {
            return Optional.of("claim " + claim + " is missing");
        }
        if (actual instanceof String text) {
            return text.equals(value) ? Optional.empty() : Optional.of("claim " + claim + " is not " + value);
        }
        if (actual instanceof Collection<?> values) {
            return values.contains(value) ? Optional.empty()
                    : Optional.of("claim " + claim + " does not contain " + value);
        }
        return Optional.of("claim " + claim + " is neither a string nor a list of strings");
    }
}
