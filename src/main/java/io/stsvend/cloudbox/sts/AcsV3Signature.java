package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.wire.Digests;
import io.stsvend.cloudbox.wire.QueryPairs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud request signature V3, {@code ACS3-HMAC-SHA256} (the default of the current Tea SDKs on
 * {@code @alicloud/openapi-core}), as Alibaba's "V3 request structure and signature" documents it — the one place of
 * the code base that knows this algorithm:
 *
 * <pre>
 * CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n
 *                    hex(SHA-256(body))
 * StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA-256(CanonicalRequest))
 * Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 * </pre>
 *
 * The canonical query string is every query parameter, name and value decoded and then strictly percent-encoded
 * (RFC 3986 unreserved characters only, as {@link RpcSignature#percentEncode}), sorted by encoded name, joined
 * {@code name=value} with {@code &}; a parameter without value gives {@code name=}. Canonical headers are the signed
 * headers, lower-case, sorted, each {@code name:trimmed-value\n} (several values joined with {@code ,}). Unlike V1
 * the HMAC key is the bare secret. Stateless and thread-safe.
 */
public final class AcsV3Signature {

    /** The only V3 algorithm the emulator verifies (SM3 and RSA variants are refused). */
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private AcsV3Signature() {
    }

    /** The canonical query string of an undecoded query ({@code null} or empty gives an empty string). */
    public static String canonicalQuery(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        QueryPairs.forEach(rawQuery, AcsV3Signature::decode,
                (name, value) -> pairs.add(RpcSignature.percentEncode(name) + "=" + RpcSignature.percentEncode(value)));
        // Sorting "name=value" by name: '=' sorts before every character percentEncode leaves in a name but '-' and
        // '.', so compare the encoded names first and the values only to break ties.
        pairs.sort((a, b) -> {
            int byName = a.substring(0, a.indexOf('=')).compareTo(b.substring(0, b.indexOf('=')));
            return byName != 0 ? byName : a.compareTo(b);
        });
        return String.join("&", pairs);
    }

    /** {@code name:value\n} for each signed header, in the (already sorted, lower-case) order given. */
    public static String canonicalHeaders(List<String> signedHeaders, java.util.function.Function<String, List<String>> values) {
        return signedHeaders.stream()
                .map(name -> name + ":" + values.apply(name).stream().map(String::trim).sorted()
                        .collect(Collectors.joining(",")) + "\n")
                .collect(Collectors.joining());
    }

    public static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
                                          String canonicalHeaders, List<String> signedHeaders, String hashedPayload) {
        return method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + String.join(";", signedHeaders) + "\n" + hashedPayload;
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of HMAC-SHA256 over the string-to-sign, keyed with the AccessKeySecret itself. */
    public static String sign(String accessKeySecret, String stringToSign) {
        return HexFormat.of().formatHex(Digests.hmacSha256(accessKeySecret.getBytes(StandardCharsets.UTF_8),
                stringToSign));
    }

    /** Lower-case hex SHA-256, as {@code x-acs-content-sha256} carries it. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(Digests.sha256(data));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StsError.INVALID_PARAMETER.reject("encoding");
        }
    }
}
