package io.stsvend.upload;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import java.nio.charset.StandardCharsets;

/**
 * Object keys a caller may name in an upload request: 1 to 1023 UTF-8 bytes (OSS's limit), no control characters,
 * no backslash, no leading {@code /}, and no empty, {@code .} or {@code ..} segments — OSS takes keys literally, but
 * HTTP clients and proxies may normalize such paths into another key than the one checked against the grants.
 */
final class ObjectKeys {

    private ObjectKeys() {
    }

    /** Returns {@code key} if acceptable; otherwise {@code bad-request}. */
    static String check(String key, String what) {
        if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > 1023 || key.startsWith("/")
                || key.contains("\\") || key.contains("//") || key.chars().anyMatch(Character::isISOControl)
                || hasDotSegment(key)) {
            throw new CodedException(ErrorCode.BAD_REQUEST, what + " must be 1 to 1023 bytes without control"
                    + " characters, backslashes, a leading '/', or empty, '.' or '..' segments.");
        }
        return key;
    }

    private static boolean hasDotSegment(String key) {
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
