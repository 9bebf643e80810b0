package io.stsvend.testing;

import io.stsvend.grant.Claims;

import java.util.Map;
import java.util.Optional;

/**
 * {@link Claims} from a subject and a map of top-level claims, for tests that need a verified caller without a JWT.
 * The map is used as given (not copied), so a test may put {@code null} values in it to stand for absent claims.
 */
public record TestClaims(String subject, Map<String, Object> others) implements Claims {

    /** A caller with only a subject. */
    public static Claims claims(String subject) {
        return new TestClaims(subject, Map.of());
    }

    /** A caller with a subject and the given top-level claims. */
    public static Claims claims(String subject, Map<String, Object> others) {
        return new TestClaims(subject, others);
    }

    @Override
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(others.get(name));
    }
}
