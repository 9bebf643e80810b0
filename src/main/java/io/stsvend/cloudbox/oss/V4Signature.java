package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.wire.Digests;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OSS Signature V4 ({@code OSS4-HMAC-SHA256}): canonical request, string to sign, signing key and signature exactly
 * as aliyun-sdk-oss's {@code OSSV4Signer} computes them. Only {@code UNSIGNED-PAYLOAD} is supported.
 */
final class V4Signature {

    static final String ALGORITHM = "OSS4-HMAC-SHA256";
    static final String TERMINATOR = "aliyun_v4_request";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private V4Signature() {
    }

    /**
     * @param query             decoded query parameters to sign (for presigned URLs: all but {@code x-oss-signature})
     * @param additionalHeaders lower-case names of extra signed headers, sorted
     */
    static String canonicalRequest(String method, String bucket, String rawKey, Map<String, String> query,
                                   Iterable<Map.Entry<String, String>> headers, Set<String> additionalHeaders) {
        StringBuilder canonical = new StringBuilder().append(method).append('\n')
                .append(UriEncoding.encode("/" + bucket + "/" + rawKey, true)).append('\n');
        Map<String, String> sortedQuery = new TreeMap<>();
        query.forEach((name, value) -> sortedQuery.put(UriEncoding.encode(name.trim(), false),
                UriEncoding.encode(value.trim(), false)));
        String separator = "";
        for (Map.Entry<String, String> param : sortedQuery.entrySet()) {
            canonical.append(separator).append(param.getKey());
            if (!param.getValue().isEmpty()) {
                canonical.append('=').append(param.getValue());
            }
            separator = "&";
        }
        canonical.append('\n');
        Map<String, String> signedHeaders = new TreeMap<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || name.equals("content-md5") || name.startsWith("x-oss-")
                    || additionalHeaders.contains(name)) {
                signedHeaders.putIfAbsent(name, header.getValue() == null ? "" : header.getValue().trim());
            }
        }
        signedHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        canonical.append('\n').append(String.join(";", additionalHeaders)).append('\n');
        return canonical.append(UNSIGNED_PAYLOAD).toString();
    }

    static String scope(String date, String region) {
        return date + "/" + region + "/oss/" + TERMINATOR;
    }

    static String stringToSign(String dateTime, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + dateTime + "\n" + scope + "\n"
                + HexFormat.of().formatHex(Digests.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex HMAC-SHA256 of the string to sign under the derived signing key. */
    static String sign(String secret, String date, String region, String stringToSign) {
        byte[] key = Digests.hmacSha256(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = Digests.hmacSha256(key, region);
        key = Digests.hmacSha256(key, "oss");
        key = Digests.hmacSha256(key, TERMINATOR);
        return HexFormat.of().formatHex(Digests.hmacSha256(key, stringToSign));
    }

}
