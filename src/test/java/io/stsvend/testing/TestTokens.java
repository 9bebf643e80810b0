package io.stsvend.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** Mints JWTs for tests with the test-only keys in src/test/resources/test-keys. */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.stsvend";
    public static final String AUDIENCE = "stsvend";

    private TestTokens() {
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
