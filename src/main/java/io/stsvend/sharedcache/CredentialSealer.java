package io.stsvend.sharedcache;

import io.stsvend.sts.TemporaryCredentials;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets at rest in the shared cache. {@link #index} names a key by an HMAC-SHA256 of (subject, policy
 * fingerprint, role, revocation generation), and {@link #subjectIndex} a subject's revocation records, so the
 * store never sees a subject; {@link #seal} encrypts a token with AES-256-GCM under the
 * first configured key, bound to its index (as associated data) so a value cannot be moved to another user's key,
 * and {@link #open} decrypts with whichever configured key id the value names. Thread-safe; never logs.
 */
final class CredentialSealer {

    static final String PREFIX = "stsvend:cred:";
    static final String SUBJECT_PREFIX = "stsvend:subject:";
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    // Per instance, not static: a static SecureRandom would be seeded at native-image build time.
    private final SecureRandom random = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String sealingKeyId;
    private final SecretKeySpec indexKey;

    /** @param specs {@code id:base64} entries already checked by {@link SharedCacheChecks}; the first seals */
    CredentialSealer(List<String> specs) {
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            keys.put(spec.substring(0, colon),
                    new SecretKeySpec(Base64.getDecoder().decode(spec.substring(colon + 1).trim()), "AES"));
        }
        sealingKeyId = keys.keySet().iterator().next();
        // A separate subkey for names, so the encryption key itself is only ever used by AES.
        indexKey = new SecretKeySpec(hmac(new SecretKeySpec(keys.get(sealingKeyId).getEncoded(), "HmacSHA256"),
                "stsvend shared-cache index v1"), "HmacSHA256");
    }

    String index(SharedKey key) {
        // Generation 0 keeps the name it had before generations existed, so a rolling upgrade shares its tokens.
        String generation = key.generation() == 0 ? "" : "\0" + key.generation();
        byte[] digest = hmac(indexKey, key.subject() + '\0' + key.policyFingerprint() + '\0' + key.roleArn()
                + generation);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * The name of a subject's revocation records ({@link SubjectRecords}), {@code stsvend:subject:{hmac}:} to which
     * the record's kind is appended; the braces are a Redis Cluster hash tag, so both records of one subject live in
     * one slot and are read with one {@code MGET}.
     */
    String subjectIndex(String subject) {
        byte[] digest = hmac(indexKey, "subject\0" + subject);
        return SUBJECT_PREFIX + "{" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "}:";
    }

    /** Encrypts a token and its refresh point, bound to {@code index}. */
    String seal(String index, SharedToken held) {
        TemporaryCredentials credentials = held.credentials();
        String plain = String.join("\n", credentials.accessKeyId(), credentials.accessKeySecret(),
                credentials.securityToken(), Long.toString(credentials.expiration().getEpochSecond()),
                credentials.requestId() == null ? "" : credentials.requestId(),
                Long.toString(held.refreshAt().toEpochMilli()));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), iv, index,
                plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return VERSION + '.' + sealingKeyId + '.' + Base64.getEncoder().encodeToString(out);
    }

    /**
     * The token and refresh point in {@code value}, or empty if its key id is unknown or it does not decrypt under
     * {@code index}.
     */
    Optional<SharedToken> open(String index, String value) {
        String[] parts = value.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            byte[] body = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
            String[] f = new String(crypt(Cipher.DECRYPT_MODE, keys.get(parts[1]), iv, index, body),
                    StandardCharsets.UTF_8).split("\n", -1);
            return Optional.of(new SharedToken(new TemporaryCredentials(f[0], f[1], f[2],
                    Instant.ofEpochSecond(Long.parseLong(f[3])), f[4].isEmpty() ? null : f[4]),
                    Instant.ofEpochMilli(Long.parseLong(f[5]))));
        } catch (IllegalStateException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] iv, String index, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(index.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Wrong key or tampered value: the message names no secret.
            throw new IllegalStateException("shared-cache value does not decrypt", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
