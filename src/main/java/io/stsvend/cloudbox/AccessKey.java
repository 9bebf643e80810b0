package io.stsvend.cloudbox;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * A long-term RAM AccessKey of a cloud box's RAM user: what a client signs AssumeRole with. {@link #toString()}
 * never shows the secret.
 */
public record AccessKey(String accessKeyId, String accessKeySecret) {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public AccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    }

    /**
     * A fresh random key: {@code LOCAL} and 16 letters or digits, and a 30-character secret. Makes its own
     * {@link SecureRandom} on each call, so nothing random is kept in a native image's heap.
     */
    public static AccessKey random() {
        SecureRandom random = new SecureRandom();
        return new AccessKey("LOCAL" + text(random, 16).toUpperCase(Locale.ROOT), text(random, 30));
    }

    private static String text(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "AccessKey[accessKeyId=" + accessKeyId + "]";
    }
}
