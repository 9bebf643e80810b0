package io.stsvend.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

import org.jose4j.jwt.JwtClaims;

import java.time.Instant;
import java.util.Map;

/**
 * A JWT that smallrye-jwt verified (signature, issuer, audience, lifetime), as the security identity carries it,
 * plus what every later request with the very same token needs again: the {@code kid} of the key that verified it
 * (so the entry can be dropped when that key leaves the JWKS) and the payload's claims as the identity provider
 * wrote them, parsed at most once per verification and shared by every request that reuses it through
 * {@link VerifiedTokens}. smallrye-jwt's own claims are not those: it rewrites some (see {@link Caller}).
 *
 * <p>Immutable once built except for that memo, which is idempotent: two threads racing parse the same bytes.
 */
public final class VerifiedJwt extends DefaultJWTCallerPrincipal {

    private final String keyId;
    private volatile Map<String, Object> payload;

    VerifiedJwt(String type, JwtClaims claims, String keyId) {
        super(type, claims);
        this.keyId = keyId;
    }

    /** The {@code kid} header of the verified JWS, or null when it had none. */
    String keyId() {
        return keyId;
    }

    /** The token's {@code exp}. */
    Instant expiresAt() {
        return Instant.ofEpochSecond(getExpirationTime());
    }

    /** The payload's claims exactly as the IdP wrote them (parsed on first use, then remembered). */
    Map<String, Object> payload() {
        Map<String, Object> parsed = payload;
        if (parsed == null) {
            parsed = Caller.payload(getRawToken());
            payload = parsed;
        }
        return parsed;
    }

    /** Whether {@link #payload()} was parsed already: for tests that prove a repeat request parses nothing. */
    boolean payloadParsed() {
        return payload != null;
    }
}
