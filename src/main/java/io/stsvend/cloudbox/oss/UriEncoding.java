package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.wire.QueryPairs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percent-encoding as OSS uses it. Decoding turns {@code %XX} into bytes and bytes into UTF-8 and nothing else
 * ({@code +} stays a plus: OSS keys are raw strings and the SDKs encode spaces as {@code %20}). Encoding is RFC 3986:
 * only {@code A-Z a-z 0-9 - _ . ~} stay literal, hex digits upper case, as the V4 canonical request requires.
 */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** @throws OssException InvalidArgument on a malformed escape or invalid UTF-8 */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Malformed percent-encoding in URI.");
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Malformed percent-encoding in URI.");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding; {@code keepSlash} leaves {@code /} literal (paths). */
    static String encode(String raw, boolean keepSlash) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/' && keepSlash) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Parses a raw query string into decoded name/value pairs in order of appearance; a name without {@code =} has
     * the empty value; a repeated name keeps its first value.
     */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        QueryPairs.forEach(rawQuery, UriEncoding::decode, params::putIfAbsent);
        return params;
    }
}
