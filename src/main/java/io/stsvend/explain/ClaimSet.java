package io.stsvend.explain;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.Claims;
import io.stsvend.identity.Caller;

import java.util.Map;
import java.util.Optional;

/**
 * Claims to explain: a verified caller's (their own token), or a claim set an admin typed in. Values are what
 * grant rules see: a {@link String}, a {@link java.util.List} of strings, or another JSON value no rule accepts.
 */
public final class ClaimSet implements Claims {

    private final String subject;
    private final Map<String, ?> claims;
    private final Caller caller;

    private ClaimSet(String subject, Map<String, ?> claims, Caller caller) {
        this.subject = subject;
        this.claims = claims;
        this.caller = caller;
    }

    /** The claims of a verified caller, read exactly as {@code GET /credentials} reads them. */
    public static ClaimSet of(Caller caller) {
        return new ClaimSet(caller.subject(), Map.of(), caller);
    }

    /**
     * A claim set as JSON-decoded values (strings, lists, numbers, booleans, maps; {@code null} means absent).
     *
     * @throws CodedException {@link ErrorCode#BAD_REQUEST} when {@code sub} is not a string of 1 to
     *                        {@value Caller#MAX_SUBJECT_LENGTH} characters (a token without one is refused anyway)
     */
    public static ClaimSet of(Map<String, ?> claims) {
        if (!(claims.get("sub") instanceof String sub) || sub.isEmpty() || sub.length() > Caller.MAX_SUBJECT_LENGTH) {
            throw new CodedException(ErrorCode.BAD_REQUEST,
                    "claims.sub must be a string of 1-" + Caller.MAX_SUBJECT_LENGTH + " characters.");
        }
        return new ClaimSet(sub, Map.copyOf(withoutNulls(claims)), null);
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public Optional<Object> claim(String name) {
        return caller != null ? caller.claim(name) : Optional.ofNullable(claims.get(name));
    }

    private static Map<String, Object> withoutNulls(Map<String, ?> claims) {
        Map<String, Object> out = new java.util.HashMap<>();
        claims.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "ClaimSet[" + subject + "]";
    }
}
