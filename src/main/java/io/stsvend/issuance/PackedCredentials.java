package io.stsvend.issuance;

import io.stsvend.sts.TemporaryCredentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * One cached token's strings in one byte array, the form the cache keeps per user (issue 16: 100,000 users under the
 * manifests' heap cap). Four {@code String}s with their own arrays, a {@link TemporaryCredentials} and its
 * {@link Instant} cost about 230 bytes of headers per user; the token itself is most of the rest, and when it is
 * canonical standard Base64 (as Alibaba's are) it is kept as the bytes it encodes, a quarter smaller.
 *
 * <p>Layout: the lengths of the AccessKeyId, the AccessKeySecret and the request id (-1: none) as 4-byte big-endian
 * ints, one byte saying how the token is kept ({@link #TOKEN_TEXT} or {@link #TOKEN_BASE64}), then the three strings
 * in UTF-8 and the token, to the end. {@link #unpack} gives back strings equal to the ones packed, always: a token
 * is kept decoded only when encoding its bytes again yields exactly its text.
 *
 * <p>The array holds the secret: it never leaves the cache except as the {@link TemporaryCredentials} it unpacks to,
 * and nothing here prints it.
 */
final class PackedCredentials {

    static final byte TOKEN_TEXT = 0;
    static final byte TOKEN_BASE64 = 1;

    private static final int HEADER = 3 * Integer.BYTES + 1;
    private static final int NO_REQUEST_ID = -1;

    private PackedCredentials() {
    }

    static byte[] pack(TemporaryCredentials credentials) {
        byte[] keyId = utf8(credentials.accessKeyId());
        byte[] secret = utf8(credentials.accessKeySecret());
        byte[] requestId = credentials.requestId() == null ? new byte[0] : utf8(credentials.requestId());
        byte[] decoded = canonicalBase64(credentials.securityToken());
        byte[] token = decoded != null ? decoded : utf8(credentials.securityToken());
        return ByteBuffer.allocate(HEADER + keyId.length + secret.length + requestId.length + token.length)
                .putInt(keyId.length).putInt(secret.length)
                .putInt(credentials.requestId() == null ? NO_REQUEST_ID : requestId.length)
                .put(decoded != null ? TOKEN_BASE64 : TOKEN_TEXT)
                .put(keyId).put(secret).put(requestId).put(token)
                .array();
    }

    static TemporaryCredentials unpack(byte[] packed, Instant expiration) {
        ByteBuffer header = ByteBuffer.wrap(packed);
        int keyIdLength = header.getInt();
        int secretLength = header.getInt();
        int requestIdLength = header.getInt();
        int at = HEADER;
        String keyId = new String(packed, at, keyIdLength, StandardCharsets.UTF_8);
        at += keyIdLength;
        String secret = new String(packed, at, secretLength, StandardCharsets.UTF_8);
        at += secretLength;
        String requestId = null;
        if (requestIdLength != NO_REQUEST_ID) {
            requestId = new String(packed, at, requestIdLength, StandardCharsets.UTF_8);
            at += requestIdLength;
        }
        String token = tokenForm(packed) == TOKEN_BASE64
                ? Base64.getEncoder().encodeToString(Arrays.copyOfRange(packed, at, packed.length))
                : new String(packed, at, packed.length - at, StandardCharsets.UTF_8);
        return new TemporaryCredentials(keyId, secret, token, expiration, requestId);
    }

    /** How {@code packed} keeps its token ({@link #TOKEN_TEXT} or {@link #TOKEN_BASE64}). */
    static byte tokenForm(byte[] packed) {
        return packed[3 * Integer.BYTES];
    }

    /** The bytes {@code text} encodes, if it is exactly what standard Base64 (with padding) makes of them. */
    private static byte[] canonicalBase64(String text) {
        if (text.isEmpty() || text.length() % 4 != 0) {
            return null;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
