package io.stsvend.identity;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The verified caller: the subject and claims of a JWT that smallrye-jwt has already checked (signature, issuer,
 * audience, lifetime). Claim values are normalised on access to a {@link String}, a {@link List} of strings, or the
 * raw JSON value when they are neither (a number, a boolean, an object), which no template or condition accepts.
 */
public final class Caller {

    /** Longest subject accepted at all; template use applies the stricter claim-value allow-list on top. */
    public static final int MAX_SUBJECT_LENGTH = 256;

    private final String subject;
    private final JsonWebToken token;

    private Caller(String subject, JsonWebToken token) {
        this.subject = subject;
        this.token = token;
    }

    /**
     * @throws CodedException {@link ErrorCode#INVALID_CLAIM} when the token has no usable {@code sub}
     */
    public static Caller from(JsonWebToken token) {
        Object sub = normalise(token.getClaim("sub"));
        if (!(sub instanceof String subject) || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new CodedException(ErrorCode.INVALID_CLAIM,
                    "Claim 'sub' must be a string of 1-" + MAX_SUBJECT_LENGTH + " characters.");
        }
        return new Caller(subject, token);
    }

    public String subject() {
        return subject;
    }

    /** The named claim, normalised as described on the class. */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(normalise(token.getClaim(name)));
    }

    static Object normalise(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonArray array) {
            return normaliseAll(array);
        }
        if (value instanceof Collection<?> collection) {
            return normaliseAll(collection);
        }
        if (value == JsonValue.NULL) {
            return null;
        }
        return value;
    }

    private static List<Object> normaliseAll(Collection<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(normalise(v));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Caller[" + subject + "]";
    }
}
