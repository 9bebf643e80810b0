package io.stsvend.grant;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule applies: the claim at {@code path} holds {@code value}. The same for every claim:
 * <ul>
 *   <li>a string holds the value when it equals it, whole (so {@code "admin viewer"} does not hold {@code viewer});
 *   <li>an array holds it when one of its string elements equals it (other elements are ignored);
 *   <li>with {@code spaceSeparated} (OAuth {@code scope}, RFC 8693 §4.2), a string is first split on spaces, and
 *       holds the value when one of its words equals it; arrays are read as above;
 *   <li>anything else — missing, null, number, boolean, object — never holds (fail closed).
 * </ul>
 */
public record ClaimCondition(ClaimPath path, String value, boolean spaceSeparated) {

    public ClaimCondition {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("condition needs a value");
        }
    }

    /** A condition on a claim path as written in configuration, compared whole. */
    public ClaimCondition(String path, String value) {
        this(ClaimPath.parse(path), value, false);
    }

    public boolean holds(Claims claims) {
        return mismatch(claims).isEmpty();
    }

    /**
     * Why this condition does not hold for the caller, in words fit for the caller ("claim groups does not contain
     * viewer"); empty when it holds. Never quotes the caller's claim value.
     */
    public Optional<String> mismatch(Claims claims) {
        Object actual = path.resolve(claims).orElse(null);
        if (actual == null) {
            return Optional.of("claim " + path + " is missing");
        }
        if (actual instanceof String text) {
            if (spaceSeparated) {
                return containsWord(text) ? Optional.empty()
                        : Optional.of("claim " + path + " has no word " + value);
            }
            return text.equals(value) ? Optional.empty() : Optional.of("claim " + path + " is not " + value);
        }
        if (actual instanceof Collection<?> values) {
            return values.contains(value) ? Optional.empty()
                    : Optional.of("claim " + path + " does not contain " + value);
        }
        return Optional.of("claim " + path + " is neither a string nor a list of strings");
    }

    /** Why no token could ever satisfy this condition, or empty when one could. */
    public Optional<String> unsatisfiable() {
        Optional<String> why = path.unsatisfiable();
        if (why.isPresent()) {
            return why;
        }
        if (spaceSeparated && value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("a space-separated claim never holds a value containing white space");
        }
        return Optional.empty();
    }

    private boolean containsWord(String text) {
        // indexOf, not split: a 4 KiB scope string must not cost an array per request.
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf(' ', from);
            end = end < 0 ? text.length() : end;
            if (end - from == value.length() && text.startsWith(value, from)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }
}
