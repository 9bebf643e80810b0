package io.stsvend.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Mints JWTs for tests with the test-only keys in src/test/resources/test-keys. */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.stsvend";
    public static final String AUDIENCE = "stsvend";

    private TestTokens() {
    }

    /**
     * Verification of these tokens by a packaged application, which has no test resources on its class path: the
     * public key as a file URL, the issuer and the audience, as system properties.
     */
    public static Map<String, String> packagedVerification() {
        return Map.of("mp.jwt.verify.publickey.location", ReplicaSet.fileUrl("test-keys/publicKey.pem"),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A valid token for {@code sub}, one hour long. */
    public static String forSubject(String sub) {
        return claims(sub).sign(privateKey("test-keys/privateKey.pem"));
    }

    /** A valid token for {@code sub} in the given groups. */
    public static String forSubject(String sub, String... groups) {
        return claims(sub).groups(Set.of(groups)).sign(privateKey("test-keys/privateKey.pem"));
    }

    /** The standard claims (issuer, audience, one-hour lifetime) for {@code sub}, to adjust and sign. */
    public static JwtClaimsBuilder claims(String sub) {
        return Jwt.subject(sub).issuer(ISSUER).audience(AUDIENCE).expiresIn(3600);
    }

    /** Signs arbitrary claims (any JSON values, including a non-string {@code sub}) with the test key. */
    public static String signRaw(Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.claims(claims);
        return builder.sign(privateKey("test-keys/privateKey.pem"));
    }

    /**
     * Signs exactly this payload (RS256, test key), bypassing the builder's own checks: for claim shapes such as an
     * object {@code groups} or a JSON {@code null} that real identity providers may send but the builder refuses.
     */
    public static String signPayload(Map<String, Object> payload) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(new ObjectMapper().writeValueAsString(payload));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            jws.setKey(privateKey("test-keys/privateKey.pem"));
            return jws.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard claims for {@code sub} as a mutable map, for {@link #signPayload}. */
    public static Map<String, Object> payload(String sub) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", sub);
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    public static PrivateKey privateKey(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKeyPem() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-keys/publicKey.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64url without padding, as JWS segments use. */
    public static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
