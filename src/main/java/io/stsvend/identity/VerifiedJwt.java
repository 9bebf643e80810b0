package io.stsvend.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JWT that smallrye-jwt verified (signature, issuer, audience, lifetime), as one request's security identity
 * carries it: that request's token text over a {@link Verification} that every request with the very same token
 * shares through {@link VerifiedTokens}. Every claim is read from smallrye-jwt's own principal, exactly as it reads
 * them, except {@code raw_token}, which is this request's token.
 *
 * <p>The shared verification holds no token text: the token is the request's, and the verified-token cache keeps
 * up to its bound of verifications alive, each of which would otherwise keep its token (and jose4j its payload's JSON)
 * too, for about a third of the entry's heap (issue 16).
 */
public final class VerifiedJwt implements JsonWebToken {

    private final Verification verification;
    private final String rawToken;

    VerifiedJwt(Verification verification, String rawToken) {
        this.verification = Objects.requireNonNull(verification, "verification");
        this.rawToken = Objects.requireNonNull(rawToken, "rawToken");
    }

    /** The verification this request reuses (or made), shared by every request with the same token. */
    Verification verification() {
        return verification;
    }

    /** The payload's claims exactly as the IdP wrote them (parsed once per verification, then remembered). */
    Map<String, Object> payload() {
        return verification.payload(rawToken);
    }

    @Override
    public String getName() {
        return verification.getName();
    }

    @Override
    public Set<String> getAudience() {
        return verification.getAudience();
    }

    @Override
    public Set<String> getGroups() {
        return verification.getGroups();
    }

    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(verification.getClaimNames());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return Claims.raw_token.name().equals(claimName) ? (T) rawToken : verification.getClaim(claimName);
    }

    @Override
    public String toString() {
        return "VerifiedJwt[" + getName() + "]";
    }

    /**
     * One successful verification of a token: smallrye-jwt's own principal, built from the verified claims less the
     * token text and less jose4j's copy of the payload's JSON (so its {@code raw_token} is null: {@link VerifiedJwt}
     * supplies the request's), plus the {@code kid} of the key that verified it (so the cache entry can be dropped
     * when that key leaves the JWKS) and the IdP's own claims, parsed at most once. smallrye-jwt's claims are not
     * those: it rewrites some (see {@link Caller}).
     *
     * <p>Immutable once built except for that memo, which is idempotent: two threads racing parse the same bytes.
     */
    static final class Verification extends DefaultJWTCallerPrincipal {

        private final String keyId;
        private volatile Map<String, Object> payload;

        Verification(String type, JwtClaims verified, String keyId) {
            super(null, type, withoutTokenText(verified));
            this.keyId = keyId;
        }

        /**
         * A copy of {@code verified}'s claims without {@code raw_token} and without the JSON they were parsed from.
         * Their names are interned: the payload's parse (Jackson's) interns them too, so each cached verification
         * shares one copy of every name instead of keeping its own (names come only from a verified token, so from
         * the identity provider's vocabulary).
         */
        private static JwtClaims withoutTokenText(JwtClaims verified) {
            JwtClaims claims = new JwtClaims();
            verified.getClaimsMap(Set.of(Claims.raw_token.name())).forEach((name, value) -> claims.setClaim(name.intern(),
                    value));
            return claims;
        }

        /** The {@code kid} header of the verified JWS, or null when it had none. */
        String keyId() {
            return keyId;
        }

        /** The token's {@code exp}. */
        Instant expiresAt() {
            return Instant.ofEpochSecond(getExpirationTime());
        }

        /** The payload's claims of {@code rawToken}, the token this verifies (parsed on first use, then remembered). */
        Map<String, Object> payload(String rawToken) {
            Map<String, Object> parsed = payload;
            if (parsed == null) {
                parsed = Caller.payload(rawToken);
                payload = parsed;
            }
            return parsed;
        }

        /** Whether the payload was parsed already: for tests that prove a repeat request parses nothing. */
        boolean payloadParsed() {
            return payload != null;
        }
    }
}
