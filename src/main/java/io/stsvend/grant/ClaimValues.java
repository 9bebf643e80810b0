package io.stsvend.grant;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import java.util.regex.Pattern;

/**
 * The allow-list every claim value passes before it may enter an OSS resource ARN: 1 to 128 characters from
 * letters, digits, {@code . _ - @}, and neither {@code .} nor {@code ..}. Everything else — {@code * ? /}, {@code ${},
 * white space, control and non-ASCII characters — is refused, so a value can never widen a resource pattern, climb
 * out of a prefix, or nest inside another user's prefix.
 */
public final class ClaimValues {

    public static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

    private ClaimValues() {
    }

    /**
     * Returns the claim value as a safe ARN segment.
     *
     * @throws CodedException {@link ErrorCode#INVALID_CLAIM} naming the claim (never echoing the value)
     */
    public static String requireSafe(String claimName, Object value) {
        if (!(value instanceof String text)) {
            throw rejected(claimName, "must be a single string");
        }
        if (!SAFE.matcher(text).matches() || text.equals(".") || text.equals("..")) {
            throw rejected(claimName, "must be 1-" + MAX_LENGTH + " characters from letters, digits, '.', '_', '-', '@'");
        }
        return text;
    }

    private static CodedException rejected(String claimName, String why) {
        return new CodedException(ErrorCode.INVALID_CLAIM, "Claim '" + claimName + "' " + why + ".");
    }
}
