package io.stsvend.e2e;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.assertOssError;
import static io.stsvend.e2e.OssAssertions.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Vended credentials that are expired, mixed up or tampered with are refused by OSS with its own codes, before any
 * policy is consulted. Each test changes one thing about otherwise working credentials.
 */
@QuarkusTest
class TokenRejectionE2eTest {

    static final String KEY = "users/alice/token-checks.txt";

    @Inject
    LocalCloudClock cloudClock;

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void tokenIsRefusedOnceItsExpirationHasPassed(SignVersion version) {
        Vended alice = Vended.forJwt(TestTokens.forSubject("alice"));
        Duration untilExpiry = Duration.between(cloudClock.instant(), alice.expiration());

        // The client signs with the emulator's time, so the skew check passes and only the expiry is in question.
        cloudClock.advance(untilExpiry.minusMinutes(1));
        use(alice.client(version, cloudClock), oss -> put(oss, BUCKET, KEY, "a minute left"));

        cloudClock.advance(Duration.ofMinutes(2));
        use(alice.client(version, cloudClock), oss -> assertOssError("SecurityTokenExpired",
                "The security token you provided has expired.", () -> put(oss, BUCKET, KEY, "too late")));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void anotherSessionsTokenDoesNotMatchTheAccessKey(SignVersion version) {
        Vended alice = Vended.forJwt(TestTokens.forSubject("alice"));
        Vended bob = Vended.forJwt(TestTokens.forSubject("bob"));
        use(alice.withToken(bob.securityToken()).client(version), oss -> assertOssError(
                "AccessKeyIdAndSecurityTokenNotMatch", null, () -> put(oss, BUCKET, KEY, "mixed up")));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aTamperedTokenIsInvalid(SignVersion version) {
        Vended alice = Vended.forJwt(TestTokens.forSubject("alice"));
        String token = alice.securityToken();
        String flipped = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        use(alice.withToken(flipped).client(version), oss -> assertOssError("InvalidSecurityToken",
                "The security token you provided is invalid.", () -> put(oss, BUCKET, KEY, "flipped")));

        // The attack that matters: rewrite the session policy inside the token to cover every user.
        String widened = rewritePayload(token, payload -> payload.replace("users/alice/", "users/"));
        assertNotEquals(token, widened);
        use(alice.withToken(widened).client(version), oss -> assertOssError("InvalidSecurityToken", null,
                () -> put(oss, BUCKET, "users/bob/x", "widened")));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aSignatureMadeWithTheWrongSecretDoesNotMatch(SignVersion version) {
        Vended alice = Vended.forJwt(TestTokens.forSubject("alice"));
        String secret = alice.accessKeySecret();
        String wrong = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        use(alice.withSecret(wrong).client(version), oss -> assertOssError("SignatureDoesNotMatch", null,
                () -> put(oss, BUCKET, KEY, "forged")));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aTamperedPresignedSignatureOrKeyDoesNotMatch(SignVersion version) throws Exception {
        Vended alice = Vended.forJwt(TestTokens.forSubject("alice"));
        PresignedUrlE2eTest links = new PresignedUrlE2eTest();
        OSS oss = alice.client(version);
        try {
            put(oss, BUCKET, KEY, "linked");
            String url = PresignedUrlE2eTest.presign(oss, KEY, HttpMethod.GET, Duration.ofMinutes(5)).toString();
            String param = version == SignVersion.V1 ? "Signature=" : "x-oss-signature=";
            int at = url.indexOf(param) + param.length();
            String badSignature = url.substring(0, at) + (url.charAt(at) == 'a' ? 'b' : 'a') + url.substring(at + 1);
            String otherKey = url.replace("users/alice/token-checks.txt", "users/alice/other.txt");
            for (String tampered : new String[] {badSignature, otherKey}) {
                HttpResponse<String> response = links.send("GET", URI.create(tampered), null);
                assertEquals(403, response.statusCode(), tampered);
                assertEquals("SignatureDoesNotMatch", PresignedUrlE2eTest.element(response.body(), "Code"));
            }
            assertEquals(200, links.send("GET", URI.create(url), null).statusCode(), "the untouched URL works");
        } finally {
            oss.shutdown();
        }
    }

    /** Decodes the token's payload (all but its last 32 bytes), edits it, re-encodes it, and keeps the old MAC. */
    static String rewritePayload(String token, Function<String, String> edit) {
        byte[] sealed = Base64.getDecoder().decode(token);
        int macAt = sealed.length - 32;
        String payload = new String(sealed, 0, macAt, StandardCharsets.UTF_8);
        byte[] edited = edit.apply(payload).getBytes(StandardCharsets.UTF_8);
        byte[] forged = java.util.Arrays.copyOf(edited, edited.length + 32);
        System.arraycopy(sealed, macAt, forged, edited.length, 32);
        return Base64.getEncoder().encodeToString(forged);
    }

    static void use(OSS oss, java.util.function.Consumer<OSS> body) {
        try {
            body.accept(oss);
        } finally {
            oss.shutdown();
        }
    }
}
