package io.stsvend.grant;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The verified identity a grant rule looks at: the subject and the token's top-level claims, exactly as the token
 * carried them (nothing split, joined or renamed). A value is a {@link String}, a {@link Boolean}, a
 * {@link Number}, a {@link java.util.List} of such values, or a {@link java.util.Map} from member names to such
 * values; a JSON {@code null} is absent. {@link ClaimPath} reaches nested members.
 */
public interface Claims {

    String subject();

    /** The top-level claim {@code name}. */
    Optional<Object> claim(String name);

    /** The claims of {@code subject} as {@code lookup} answers them, e.g. {@code of(caller.subject(), caller::claim)}. */
    static Claims of(String subject, Function<String, Optional<Object>> lookup) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(lookup, "lookup");
        return new Claims() {
            @Override
            public String subject() {
                return subject;
            }

            @Override
            public Optional<Object> claim(String name) {
                return lookup.apply(name);
            }
        };
    }
}
