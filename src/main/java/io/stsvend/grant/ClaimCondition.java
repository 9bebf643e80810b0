package io.stsvend.grant;

import java.util.Collection;
import java.util.Objects;

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
        Object actual = claims.claim(claim).orElse(null);
        if (actual instanceof String text) {
            return text.equals(value);
        }
        if (actual instanceof Collection<?> values) {
            return values.contains(value);
        }
        return false;
    }
}
