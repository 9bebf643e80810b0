package io.stsvend.cloudbox.oss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compares a computed signature with the one presented, in constant time, and builds the
 * {@code SignatureDoesNotMatch} error real OSS returns (the string to sign, its bytes in hex, the signature provided
 * and the AccessKeyId; never the secret).
 */
final class SignatureCheck {

    private SignatureCheck() {
    }

    static void require(String expected, String provided, String stringToSign, String accessKeyId,
                        Map<String, String> extraDetails) {
        if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                provided.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("StringToSign", stringToSign);
        details.put("StringToSignBytes", hexBytes(stringToSign));
        details.put("SignatureProvided", provided);
        details.put("OSSAccessKeyId", accessKeyId);
        details.putAll(extraDetails);
        throw new OssException(OssErrorCode.SIGNATURE_DOES_NOT_MATCH, OssErrorCode.SIGNATURE_DOES_NOT_MATCH.message,
                details);
    }

    private static String hexBytes(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (hex.length() > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02x", b & 0xFF));
        }
        return hex.toString();
    }
}
