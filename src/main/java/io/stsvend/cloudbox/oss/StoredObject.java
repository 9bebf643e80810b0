package io.stsvend.cloudbox.oss;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * An immutable stored object: content, ETag (upper-case hex without quotes; {@code <hex>-<parts>} for multipart),
 * CRC-64/XZ, content type, user metadata ({@code x-oss-meta-*}, lower-case names) and the emulator time it was
 * written. The byte array is never handed out for mutation.
 */
record StoredObject(String key, byte[] content, String etag, long crc64, String contentType,
                    Map<String, String> userMetadata, Instant lastModified, boolean multipart) {

    StoredObject {
        userMetadata = Map.copyOf(userMetadata);
    }

    static StoredObject simple(String key, byte[] content, String contentType, Map<String, String> userMetadata,
                               Instant lastModified) {
        return new StoredObject(key, content, md5Hex(content), Crc64.of(content), contentType, userMetadata,
                lastModified, false);
    }

    String quotedEtag() {
        return "\"" + etag + "\"";
    }

    long size() {
        return content.length;
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    static String md5Hex(byte[] data) {
        return HexFormat.of().withUpperCase().formatHex(md5(data));
    }

    @Override
    public String toString() {
        return "StoredObject[key=" + key + ", size=" + content.length + ", etag=" + etag + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredObject o && key.equals(o.key) && etag.equals(o.etag)
                && lastModified.equals(o.lastModified);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(key, etag, lastModified);
    }
}
