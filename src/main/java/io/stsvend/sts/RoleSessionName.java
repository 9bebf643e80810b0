package io.stsvend.sts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code RoleSessionName} sent to STS, derived deterministically from the caller's subject so the cloud audit
 * trail (ActionTrail, OSS access logs) names the user.
 *
 * <p>STS accepts 2–64 characters from {@code [A-Za-z0-9.@_-]}; older documentation says 2–32, so we stay within 32.
 * A subject that already fits is used as it is. Otherwise disallowed characters become {@code _}, the result is cut
 * to 23 characters and a {@code -} plus 8 hex characters of the subject's SHA-256 is appended, so two subjects that
 * clean up to the same text still get different names.
 */
public record RoleSessionName(String value) {

    static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9.@_-]{2," + MAX_LENGTH + "}");
    private static final Pattern DISALLOWED = Pattern.compile("[^A-Za-z0-9.@_-]");
    private static final int HASH_CHARS = 8;

    public RoleSessionName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid RoleSessionName");
        }
    }

    public static RoleSessionName fromSubject(String subject) {
        if (VALID.matcher(subject).matches()) {
            return new RoleSessionName(subject);
        }
        String cleaned = DISALLOWED.matcher(subject).replaceAll("_");
        int keep = Math.min(cleaned.length(), MAX_LENGTH - HASH_CHARS - 1);
        return new RoleSessionName(cleaned.substring(0, keep) + "-" + shortHash(subject));
    }

    private static String shortHash(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
