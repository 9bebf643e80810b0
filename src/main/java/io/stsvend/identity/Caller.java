package io.stsvend.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.ClientProxy;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The verified caller: the subject and claims of a JWT that smallrye-jwt has already checked (signature, issuer,
 * audience, lifetime). Claims are read from the verified token's own payload, exactly as the identity provider
 * wrote them: smallrye-jwt rewrites some claims for its own use (it splits a string {@code groups} on spaces), and
 * grant rules must see one meaning for every claim. Values are a {@link String}, {@link Boolean}, {@link Number},
 * {@link java.util.List} or {@link Map}; a JSON {@code null} is absent.
 */
public final class Caller {

    /** Longest subject accepted at all; template use applies the stricter claim-value allow-list on top. */
    public static final int MAX_SUBJECT_LENGTH = 256;
    /** Defence in depth: api.RequestLimits already refuses payloads nesting deeper than 8 before verification. */
    private static final int MAX_NESTING = 16;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final String subject;
    private final Map<String, Object> claims;

    private Caller(String subject, Map<String, Object> claims) {
        this.subject = subject;
        this.claims = claims;
    }

    /**
     * @throws CodedException {@link ErrorCode#INVALID_CLAIM} when the token has no usable {@code sub}
     */
    public static Caller from(JsonWebToken token) {
        // The injected token is a request-scoped proxy; the principal behind it may hold the claims parsed already
        // (once per verification, shared by every request that reused it from VerifiedTokens).
        return of(ClientProxy.unwrap(token) instanceof VerifiedJwt verified ? verified.payload()
                : payload(token.getRawToken()));
    }

    /**
     * A caller with the given (already verified) claims, which must not change afterwards.
     *
     * @throws CodedException {@link ErrorCode#INVALID_CLAIM} when there is no usable {@code sub}
     */
    public static Caller of(Map<String, Object> claims) {
        if (!(claims.get("sub") instanceof String subject) || subject.isEmpty()
                || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new CodedException(ErrorCode.INVALID_CLAIM,
                    "Claim 'sub' must be a string of 1-" + MAX_SUBJECT_LENGTH + " characters.");
        }
        return new Caller(subject, claims);
    }

    public String subject() {
        return subject;
    }

    /**
     * All top-level claims, as described on the class. For a caller from a verified token this is the very map every
     * request reusing that verification gets, so its identity names the verification (issuance keeps work per
     * caller by it); callers must not modify it.
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The top-level claim {@code name}, as described on the class. */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    static Map<String, Object> payload(String rawToken) {
        String[] parts = rawToken == null ? new String[0] : rawToken.split("\\.", -1);
        if (parts.length != 3) {
            // smallrye-jwt accepted it, so it is a signed JWT: anything else is a wiring bug, not a client fault.
            throw new IllegalStateException("verified token is not a three-part JWS");
        }
        try {
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), OBJECT);
            // Shared by every request that reuses this verification (VerifiedTokens): nobody may change it.
            return claims == null ? Map.of() : java.util.Collections.unmodifiableMap(claims);
        } catch (IOException | IllegalArgumentException e) {
            // Only a payload nesting deeper than MAX_NESTING gets here; the message would quote the payload.
            throw new CodedException(ErrorCode.INVALID_CLAIM, "The token's claims are nested too deeply.");
        }
    }

    @Override
    public String toString() {
        return "Caller[" + subject + "]";
    }
}
