package io.stsvend.cloudbox.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed and plain digests Alibaba's signatures are made of (STS RPC and OSS V1: HMAC-SHA1; ACS3 and OSS V4:
 * HMAC-SHA256 and SHA-256), over UTF-8 text. The algorithms are mandatory in every JRE, so their absence is an
 * {@link IllegalStateException}, never a checked exception the callers would have to invent an answer for.
 */
public final class Digests {

    private Digests() {
    }

    /** HMAC-SHA1 of {@code data} (UTF-8) under {@code key}. */
    public static byte[] hmacSha1(byte[] key, String data) {
        return hmac("HmacSHA1", key, data);
    }

    /** HMAC-SHA256 of {@code data} (UTF-8) under {@code key}. */
    public static byte[] hmacSha256(byte[] key, String data) {
        return hmac("HmacSHA256", key, data);
    }

    /** SHA-256 of {@code data}. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
