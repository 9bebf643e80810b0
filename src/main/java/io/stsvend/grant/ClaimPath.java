package io.stsvend.grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a claim sits in a token's payload: a top-level claim name, then the names of nested object members.
 *
 * <p>Syntax: names separated by {@code .}. A name of letters, digits, {@code _ - :} is written as it is
 * ({@code groups}, {@code cognito:groups}, {@code realm_access.roles}); any other name is written in double quotes,
 * with {@code \"} and {@code \\} as the only escapes ({@code "https://example.com/groups"},
 * {@code resource_access."my.app".roles}). So {@code a.b} is always member {@code b} of object {@code a}, never a
 * claim named {@code a.b}: that one is {@code "a.b"}. At most {@value #MAX_DEPTH} names, as tokens nesting deeper
 * are refused before verification.
 *
 * <p>Resolving walks objects only: a path through an array, a string or any other value finds nothing.
 */
public record ClaimPath(List<String> names) {

    /** Deepest path: the service refuses tokens whose payload nests deeper than this (api.RequestLimits). */
    public static final int MAX_DEPTH = 8;
    public static final int MAX_LENGTH = 256;
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_:-]+");

    /** Claims registered by RFC 7519 / OIDC Core that are numbers or booleans in every valid token. */
    private static final Set<String> NOT_STRINGS = Set.of("exp", "nbf", "iat", "auth_time", "updated_at",
            "email_verified", "phone_number_verified");
    /** Registered claims that are strings (or, for aud, a string array) and so have no members. */
    private static final Set<String> SCALAR = Set.of("sub", "iss", "aud", "jti", "azp", "typ", "nonce", "sid",
            "acr", "at_hash", "c_hash", "scope", "email", "preferred_username", "name");

    public ClaimPath {
        names = List.copyOf(names);
        if (names.isEmpty() || names.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("a claim path has 1 to " + MAX_DEPTH + " names");
        }
    }

    /** Parses the syntax above, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static ClaimPath parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("claim path must be 1-" + MAX_LENGTH + " characters");
        }
        List<String> names = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder name = new StringBuilder();
            if (text.charAt(i) == '"') {
                i = quoted(text, i + 1, name);
            } else {
                int end = text.indexOf('.', i);
                end = end < 0 ? text.length() : end;
                String bare = text.substring(i, end);
                if (!BARE.matcher(bare).matches()) {
                    throw new IllegalArgumentException("claim path '" + text + "': '" + bare + "' must be letters,"
                            + " digits, '_', '-', ':' or be written in double quotes");
                }
                name.append(bare);
                i = end;
            }
            names.add(name.toString());
            if (names.size() > MAX_DEPTH) {
                throw new IllegalArgumentException("claim path '" + text + "' is deeper than " + MAX_DEPTH
                        + " names, and tokens nesting deeper are refused, so no token could satisfy it");
            }
            if (i == text.length()) {
                return new ClaimPath(names);
            }
            if (text.charAt(i) != '.' || i + 1 == text.length()) {
                throw new IllegalArgumentException("claim path '" + text + "': names are separated by single '.'");
            }
            i++;
        }
    }

    private static int quoted(String text, int i, StringBuilder name) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("claim path '" + text + "': empty quoted name");
                }
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 == text.length() || (text.charAt(i + 1) != '"' && text.charAt(i + 1) != '\\')) {
                    throw new IllegalArgumentException("claim path '" + text + "': only \\\" and \\\\ escape");
                }
                c = text.charAt(++i);
            } else if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("claim path '" + text + "': control character in a name");
            }
            name.append(c);
            i++;
        }
        throw new IllegalArgumentException("claim path '" + text + "': unterminated quoted name");
    }

    /** The value at this path, as {@link Claims} describes values; empty when any step is missing or not an object. */
    public Optional<Object> resolve(Claims claims) {
        Object value = claims.claim(names.get(0)).orElse(null);
        for (int i = 1; i < names.size() && value != null; i++) {
            value = value instanceof Map<?, ?> object ? object.get(names.get(i)) : null;
        }
        return Optional.ofNullable(value);
    }

    /**
     * Why no valid token could ever give this path a string or string-array value, or empty when one could: a
     * registered numeric or boolean claim ({@code exp}, {@code email_verified}, ...), or a member of a registered string claim.
     */
    public Optional<String> unsatisfiable() {
        String top = names.get(0);
        if (NOT_STRINGS.contains(top)) {
            return Optional.of("claim '" + top + "' is a number or boolean in every token, never a string");
        }
        if (SCALAR.contains(top) && names.size() > 1) {
            return Optional.of("claim '" + top + "' is a string in every token and has no member '" + names.get(1) + "'");
        }
        return Optional.empty();
    }

    /** The canonical text of this path, which {@link #parse} reads back to an equal path. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            if (BARE.matcher(name).matches()) {
                out.append(name);
            } else {
                out.append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.toString();
    }
}
