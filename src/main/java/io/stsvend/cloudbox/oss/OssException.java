package io.stsvend.cloudbox.oss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the emulator refuses with an OSS error. Carries the error code, an optional more specific message and
 * extra XML elements (e.g. {@code StringToSign} for {@code SignatureDoesNotMatch}); never carries secrets.
 * Stackless: it is control flow, not a bug.
 */
final class OssException extends RuntimeException {

    final OssErrorCode error;
    final Map<String, String> details;

    OssException(OssErrorCode error) {
        this(error, error.message);
    }

    OssException(OssErrorCode error, String message) {
        this(error, message, Map.of());
    }

    OssException(OssErrorCode error, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.error = error;
        this.details = new LinkedHashMap<>(details);
    }
}
