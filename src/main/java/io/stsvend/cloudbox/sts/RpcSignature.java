package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.wire.Digests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud RPC signature V1 (HMAC-SHA1), as computed by {@code aliyun-java-sdk-core} 4.x
 * ({@code RpcSignatureComposer}) — the one place of the code base that knows this algorithm.
 *
 * <p>Parameters are the <em>decoded</em> request parameters without {@code Signature}; they are sorted by name
 * (UTF-16 order, as Java's {@code Arrays.sort} does), each name and value strictly percent-encoded (RFC 3986
 * unreserved characters only), and the canonical query is percent-encoded once more inside the string-to-sign.
 * The HMAC key is the AccessKeySecret followed by {@code "&"}. Stateless and thread-safe.
 */
public final class RpcSignature {

    /** Name of the parameter that carries the signature; never part of the string-to-sign. */
    public static final String SIGNATURE = "Signature";

    private RpcSignature() {
    }

    /** RFC 3986 percent-encoding of UTF-8 text: only {@code A-Z a-z 0-9 - _ . ~} stay literal. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** {@code METHOD&%2F&percentEncode(canonicalQuery)}; any {@code Signature} entry in the map is ignored. */
    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove(SIGNATURE);
        String canonical = sorted.entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonical);
    }

    /** Base64 of HMAC-SHA1 over the string-to-sign with key {@code accessKeySecret + "&"}. */
    public static String sign(String accessKeySecret, String stringToSign) {
        return Base64.getEncoder()
                .encodeToString(Digests.hmacSha1((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /** Constant-time comparison of a presented signature with the expected one. */
    public static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
