package io.stsvend.grant;

import java.util.Optional;

/**
 * The verified identity a grant rule looks at: the subject and named claims. Claim values are what the token
 * carried: a {@link String}, a {@link java.util.List} of strings, or some other JSON value (number, boolean, object)
 * that no template or condition accepts.
 */
public interface Claims {

    String subject();

    Optional<Object> claim(String name);
}
