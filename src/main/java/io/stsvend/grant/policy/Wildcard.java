package io.stsvend.grant.policy;

/**
 * RAM wildcard matching: {@code *} matches any sequence of characters (including none, and including {@code /}),
 * {@code ?} matches exactly one character, every other character matches itself. There is no escape character, so
 * a pattern cannot ask for a literal {@code *} or {@code ?} (a value containing them is matched like any other
 * character). The pattern must match the whole value.
 *
 * <p>"Character" means Unicode code point, so {@code ?} matches one emoji, not half a surrogate pair.
 *
 * <p>The algorithm is iterative with a single backtrack point (the last {@code *} seen): worst case
 * O(|pattern| × |value|), no recursion, no regular expression built from input, so hostile patterns such as
 * {@code a*a*a*a*b} cannot cause catastrophic backtracking. Stateless and thread-safe.
 */
public final class Wildcard {

    private Wildcard() {
    }

    /** Case-sensitive match of the whole {@code value} against {@code pattern}; both must be non-null. */
    public static boolean matches(String pattern, String value) {
        return matches(pattern, value, false);
    }

    /** Like {@link #matches(String, String)} but compares characters case-insensitively (Unicode simple folding). */
    public static boolean matchesIgnoreCase(String pattern, String value) {
        return matches(pattern, value, true);
    }

    private static boolean matches(String pattern, String value, boolean ignoreCase) {
        int[] pat = pattern.codePoints().toArray();
        int[] val = value.codePoints().toArray();
        int p = 0;
        int v = 0;
        int starP = -1; // position of the last '*' in the pattern
        int starV = 0;  // value position that '*' currently extends to
        while (v < val.length) {
            if (p < pat.length && pat[p] == '*') {
                // '*' is checked first so that a literal '*' in the value never consumes the star.
                starP = p++;
                starV = v;
            } else if (p < pat.length && (pat[p] == '?' || same(pat[p], val[v], ignoreCase))) {
                p++;
                v++;
            } else if (starP >= 0) {
                // Let the last '*' swallow one more character and retry the rest of the pattern from there.
                p = starP + 1;
                v = ++starV;
            } else {
                return false;
            }
        }
        while (p < pat.length && pat[p] == '*') {
            p++;
        }
        return p == pat.length;
    }

    private static boolean same(int a, int b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
