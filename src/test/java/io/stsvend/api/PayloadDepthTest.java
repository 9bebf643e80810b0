package io.stsvend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RequestLimits#payloadDepth} finds the parts without splitting and scans the decoded bytes without a string;
 * it must answer exactly what splitting, decoding and scanning the text answers, for well-formed and broken headers alike (a header it
 * judged not a JWT while the verifier's decoder accepted it would slip past the depth limit).
 */
class PayloadDepthTest {

    /** The obvious way, and the one this filter used before: split, decode, scan the text. */
    static int reference(String authorization) {
        String[] parts = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim().split("\\.", -1) : new String[0];
        if (parts.length != 3) {
            return 0;
        }
        try {
            return RequestLimits.nestingDepth(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64Url) {
            return 0;
        }
    }

    private static String b64(String json, boolean padded) {
        Base64.Encoder encoder = padded ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        'Bearer h.P.s'                         | 3
        'bearer   h.P.s  '                     | 3
        'Bearer h.P.s.extra'                   | 0
        'Bearer h.P'                           | 0
        'Basic h.P.s'                          | 0
        'Bearer h.P=.s'                        | 0
        'Bearer h.e30=.s'                      | 1
        'Bearer h.e30.s'                       | 1
        'Bearer h.e3=.s'                       | 0
        'Bearer h.e30==.s'                     | 0
        'Bearer h.e.s'                         | 0
        'Bearer h.e30=x.s'                     | 0
        'Bearer h.e3+0.s'                      | 0
        'Bearer h.=.s'                         | 0
        'Bearer ..'                            | 0
        """)
    void answersAsDecodingAndScanningDoes(String header, int expected) {
        String authorization = header.replace("P", b64("{\"a\":[{\"b\":1}]}", false));
        assertEquals(reference(authorization), RequestLimits.payloadDepth(authorization), authorization);
        assertEquals(expected, RequestLimits.payloadDepth(authorization), authorization);
    }

    @Test
    void agreesWithTheReferenceOnManyWellFormedAndBrokenHeaders() {
        Random random = new Random(16);
        String alphabet = "{}[]\"\\:,ab é€😀";
        String noise = "=.-_+/ \t%é";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder json = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                json.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String payload = b64(json.toString(), random.nextBoolean());
            if (random.nextInt(3) == 0 && !payload.isEmpty()) {
                int at = random.nextInt(payload.length() + 1);
                String piece = String.valueOf(noise.charAt(random.nextInt(noise.length())));
                payload = random.nextBoolean() ? payload.substring(0, at) + piece + payload.substring(at)
                        : payload.substring(0, Math.max(0, at - 1)) + payload.substring(at);
            }
            String authorization = (random.nextBoolean() ? "Bearer " : "bEaReR  ") + "eyJhbGciOiJSUzI1NiJ9."
                    + payload + (random.nextInt(10) == 0 ? "" : ".c2ln") + (random.nextBoolean() ? " " : "");
            assertEquals(reference(authorization), RequestLimits.payloadDepth(authorization), authorization);
        }
    }
}
