package io.stsvend.grant.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0                   | 00000000",
            "255.255.255.255           | ffffffff",
            "10.0.0.1                  | 0a000001",
            "::                        | 00000000000000000000000000000000",
            "::1                       | 00000000000000000000000000000001",
            "1::                       | 00010000000000000000000000000000",
            "2001:DB8::8a2e:370:7334   | 20010db80000000000008a2e03707334",
            "1:2:3:4:5:6:7:8           | 00010002000300040005000600070008",
            "1:2:3:4:5:6:1.2.3.4       | 00010002000300040005000601020304",
            "::ffff:192.0.2.1          | 00000000000000000000ffffc0000201",
    })
    void parsesLiterals(String text, String hex) {
        byte[] expected = new byte[hex.length() / 2];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertArrayEquals(expected, IpLiteral.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "1..2.3", " 1.2.3.4",
            "localhost", "0x7f.0.0.1", "\u0661.2.3.4", ":::", "1:::2", "1::2::3", ":1::", "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9", "1::2:3:4:5:6:7:8", "12345::", "g::", "fe80::1%eth0", "[::1]", "1.2.3.4::",
            "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4"})
    void rejectsMalformedLiterals(String text) {
        assertNull(IpLiteral.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/0", "10.0.0.0/32", "::/0", "::/128", "10.0.0.1"})
    void acceptsPrefixBounds(String text) {
        assertNotNull(IpRange.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "10.0.0.0/8/8",
            "/8", "10.0.0.0/a"})
    void rejectsBadPrefixes(String text) {
        assertNull(IpRange.parse(text));
    }
}
