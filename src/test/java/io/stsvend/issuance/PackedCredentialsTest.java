package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackedCredentialsTest {

    private static final Instant EXPIRATION = Instant.parse("2026-12-02T13:00:00Z");

    /** A token as Alibaba's STS writes them: "CAIS" then standard Base64 with padding. */
    private static String alibabaShapedToken(int bytes) {
        byte[] body = new byte[bytes];
        new Random(bytes).nextBytes(body);
        body[0] = 0x08;
        body[1] = 0x02;
        body[2] = 0x12;
        return Base64.getEncoder().encodeToString(body);
    }

    private static TemporaryCredentials credentials(String token, String requestId) {
        return new TemporaryCredentials("STS.NUgYrLnoC37mZZCNnAbez2ZCH", "HKc8sjmGYFoJbpWrJpNy5WhsNEZU",
                token, EXPIRATION, requestId);
    }

    @Test
    void aBase64TokenIsKeptAsTheBytesItEncodesAndComesBackEqual() {
        String token = alibabaShapedToken(646);
        assertTrue(token.startsWith("CAIS"), token);
        assertEquals(864, token.length());
        TemporaryCredentials original = credentials(token, "6894B13B-6D71-4EF5-88FA-F32781734A7F");

        byte[] packed = PackedCredentials.pack(original);

        assertEquals(PackedCredentials.TOKEN_BASE64, PackedCredentials.tokenForm(packed));
        // All four strings in fewer bytes than the token's text alone.
        assertTrue(packed.length < token.length(), "packed in " + packed.length + " bytes");
        assertEquals(original, PackedCredentials.unpack(packed, EXPIRATION));
    }

    /**
     * Text that is not exactly standard Base64 with padding is kept as text: the emulator's two-part token, no padding,
     * URL-safe letters, a final character with bits that encoding would not set, and a line break.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eyJ2IjoxfQ==.c2ln", "QUI", "QR==", "ab-_ab-_", "QUJD\nQUJD", "", "ÄÖÜ€"})
    void anyOtherTokenIsKeptAsTextAndComesBackEqual(String token) {
        TemporaryCredentials original = credentials(token, "req-1");

        byte[] packed = PackedCredentials.pack(original);

        assertEquals(original, PackedCredentials.unpack(packed, EXPIRATION));
        assertEquals(PackedCredentials.TOKEN_TEXT, PackedCredentials.tokenForm(packed));
    }

    /** The shortest canonical Base64 (one group, no padding) is kept as its bytes, and comes back equal. */
    @Test
    void theShortestCanonicalTokenIsKeptAsBytes() {
        TemporaryCredentials original = credentials("QUJD", "req-1");

        byte[] packed = PackedCredentials.pack(original);

        assertEquals(PackedCredentials.TOKEN_BASE64, PackedCredentials.tokenForm(packed));
        assertEquals(original, PackedCredentials.unpack(packed, EXPIRATION));
    }

    @Test
    void aMissingRequestIdStaysMissingAndAnEmptyOneStaysEmpty() {
        TemporaryCredentials none = credentials(alibabaShapedToken(300), null);
        TemporaryCredentials empty = credentials(alibabaShapedToken(300), "");

        assertNull(PackedCredentials.unpack(PackedCredentials.pack(none), EXPIRATION).requestId());
        assertEquals("", PackedCredentials.unpack(PackedCredentials.pack(empty), EXPIRATION).requestId());
    }

    @Test
    void stringsOutsideAsciiComeBackEqual() {
        TemporaryCredentials original = new TemporaryCredentials("STS.ключ", "秘密", "токен.€", EXPIRATION, "请求");

        assertEquals(original, PackedCredentials.unpack(PackedCredentials.pack(original), EXPIRATION));
    }

    @Test
    void aHeldTokenKeepsBothInstantsToTheNanosecondAndPrintsNoSecret() {
        Instant expiration = Instant.parse("2026-12-02T13:00:00.123456789Z");
        Instant refreshAt = Instant.parse("2026-12-02T12:30:00.987654321Z");
        TemporaryCredentials original = new TemporaryCredentials("STS.id", "the-secret", "the-token", expiration,
                "req-1");

        Freshness.Held held = new Freshness.Held(original, refreshAt);

        assertEquals(expiration, held.expiration());
        assertEquals(refreshAt, held.refreshAt());
        assertEquals(original, held.credentials());
        assertEquals(original, held.shared().credentials());
        assertEquals(refreshAt, held.shared().refreshAt());
        assertFalse(held.toString().contains("the-secret"), held.toString());
        assertFalse(held.toString().contains("the-token"), held.toString());
    }
}
