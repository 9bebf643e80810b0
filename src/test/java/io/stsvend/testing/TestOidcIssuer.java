package io.stsvend.testing;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A Kubernetes cluster's service-account token issuer, as RRSA registers it with RAM: an RSA key pair made per
 * instance, and RS256 JWTs shaped like projected service-account tokens.
 */
public final class TestOidcIssuer {

    public static final String ISSUER = "https://oidc-ack-cn-hangzhou.oss-cn-hangzhou-internal.aliyuncs.com/c0test";
    public static final String SUBJECT = "system:serviceaccount:stsvend:stsvend";
    public static final String AUDIENCE = "sts.aliyuncs.com";

    private final KeyPair keys = rsaKeyPair();

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** A projected service-account token: this issuer, RRSA's audience, valid from {@code issuedAt} for an hour. */
    public String token(Instant issuedAt) {
        return sign(claims(issuedAt));
    }

    /** The standard claims of {@link #token}, to change one before {@link #sign}ing. */
    public JsonObject claims(Instant issuedAt) {
        return new JsonObject()
                .put("iss", ISSUER)
                .put("sub", SUBJECT)
                .put("aud", new io.vertx.core.json.JsonArray().add(AUDIENCE))
                .put("iat", issuedAt.getEpochSecond())
                .put("nbf", issuedAt.getEpochSecond())
                .put("exp", issuedAt.getEpochSecond() + 3600);
    }

    /** Signs {@code claims} with RS256 under this issuer's key. */
    public String sign(JsonObject claims) {
        return sign(new JsonObject().put("alg", "RS256").put("kid", "test-key"), claims, keys);
    }

    /** Signs with any header (e.g. another {@code alg}) and any key pair's private key. */
    public static String sign(JsonObject header, JsonObject claims, KeyPair signer) {
        String signingInput = b64(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signer.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
