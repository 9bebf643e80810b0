package io.stsvend.grant;

import java.util.Optional;

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
}
