package io.stsvend.testing;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Signing keys with ids, as an identity provider has, and RS256 tokens signed by them. */
public final class TestIdp {

    public static final String ISSUER = "https://idp.test.stsvend";
    public static final String AUDIENCE = "stsvend";

    private TestIdp() {
    }

    public static RsaJsonWebKey key(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid one-hour token for {@code sub}, signed by {@code key} and naming it in {@code kid}. */
    public static String token(RsaJsonWebKey key, String sub) {
        return token(key, key.getKeyId(), sub);
    }

    /** A token signed by {@code key} whose header names {@code kid} (which may be another key's, or none). */
    public static String token(RsaJsonWebKey key, String kid, String sub) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setAudience(AUDIENCE);
            claims.setSubject(sub);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(60);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            jws.setKey(key.getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
