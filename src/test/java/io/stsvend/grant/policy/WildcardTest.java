package io.stsvend.grant.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            # pattern          | value                    | matches
            ''               | ''                    | true
            ''               | a                     | false
            *                | ''                    | true
            *                | anything/at/all       | true
            ?                | ''                    | false
            ?                | a                     | true
            ?                | ab                    | false
            ??               | ab                    | true
            a*b*c            | abc                   | true
            a*b*c            | aXXbYYc               | true
            a*b*c            | abcbc                 | true
            a*b*c            | acb                   | false
            a*b*c            | abcd                  | false
            a*b*c            | ab                    | false
            a?c              | abc                   | true
            a?c              | ac                    | false
            a?c              | abbc                  | false
            abc*             | abc                   | true
            abc*             | abcdef                | true
            abc*             | ab                    | false
            abcdef           | abc                   | false
            abc              | abcdef                | false
            ***              | x                     | true
            *?               | ''                    | false
            *?               | x                     | true
            users/alice/*    | users/alice/x         | true
            users/alice/*    | users/alice/          | true
            users/alice/*    | users/alice/deep/er/x | true
            users/alice/*    | users/alice           | false
            users/alice/*    | users/alice-evil/x    | false
            users/alice/*    | users/alicex          | false
            users/alice/*    | users/bob/x           | false
            # RAM matches raw keys; OSS does not normalise '..', so this IS inside alice's prefix as a string.
            users/alice/*    | users/alice/../bob/x  | true
            users/*/photos/* | users/a/b/photos/c    | true
            a*               | A                     | false
            # a literal '*' or '?' in the value is just a character
            users/alice/*    | users/alice/*         | true
            a?               | a*                    | true
            a*               | b*                    | false
            """)
    void matchesCaseSensitively(String pattern, String value, boolean expected) {
        assertEquals(expected, Wildcard.matches(pattern, value));
        assertEquals(expected, reference(pattern, value), "reference disagrees with the table");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            oss:GetObject | oss:getobject | true
            OSS:GET*      | oss:GetObject | true
            oss:Get?bject | oss:GETOBJECT | true
            oss:Put*      | oss:GetObject | false
            """)
    void ignoreCaseVariant(String pattern, String value, boolean expected) {
        assertEquals(expected, Wildcard.matchesIgnoreCase(pattern, value));
    }

    @Test
    void questionMarkIsOneCodePointNotOneUtf16Unit() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        assertEquals(true, Wildcard.matches("a?b", "a" + emoji + "b"));
        assertFalse(Wildcard.matches("a??b", "a" + emoji + "b"));
    }

    @Test
    void hostilePatternsFinishQuickly() {
        String value = "a".repeat(5_000);
        String pattern = "a*".repeat(200) + "b";
        // Generous bound: an exponential matcher would never finish; the iterative one takes milliseconds.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(Wildcard.matches(pattern, value)));
    }

    @Test
    void agreesWithReferenceOnRandomInputs() {
        Random random = new Random(20240611L);
        char[] patternAlphabet = {'a', 'b', '/', '*', '?'};
        char[] valueAlphabet = {'a', 'b', '/', '*'};
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomString(random, patternAlphabet, 8);
            String value = randomString(random, valueAlphabet, 10);
            assertEquals(reference(pattern, value), Wildcard.matches(pattern, value),
                    () -> "pattern '" + pattern + "' value '" + value + "'");
        }
    }

    private static String randomString(Random random, char[] alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /** Textbook dynamic programme: m[i][j] = pattern[0..i) matches value[0..j). Obviously correct, O(n·m) memory. */
    private static boolean reference(String pattern, String value) {
        boolean[][] m = new boolean[pattern.length() + 1][value.length() + 1];
        m[0][0] = true;
        for (int i = 1; i <= pattern.length(); i++) {
            char p = pattern.charAt(i - 1);
            for (int j = 0; j <= value.length(); j++) {
                if (p == '*') {
                    m[i][j] = m[i - 1][j] || (j > 0 && m[i][j - 1]);
                } else {
                    m[i][j] = j > 0 && m[i - 1][j - 1] && (p == '?' || p == value.charAt(j - 1));
                }
            }
        }
        return m[pattern.length()][value.length()];
    }
}
