package io.stsvend.cloudbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and verifies the {@code SecurityToken}s of the embedded cloud.
 *
 * <p>Format: {@code base64(payloadJson || HMAC-SHA256(macKey, payloadJson))}, one standard Base64 string with
 * padding whose last 32 decoded bytes are the MAC. Like Alibaba's own tokens it is a single Base64 blob, so it
 * contains {@code + / =} and exercises the clients' URL encoding, and a service that keeps tokens as the bytes they
 * encode (stsvend's cache does) meets the same shape as in production. The payload
 * binds the temporary AccessKeyId, role ARN, RoleSessionName, session policy and expiry. The temporary
 * AccessKeySecret is not stored anywhere: it is derived from the AccessKeyId with the same MAC key
 * ({@link #secretFor(String)}), so the OSS emulator can verify request signatures without shared state.
 *
 * <p>Thread-safe. The MAC key is random per process unless given, so tokens never outlive the emulator.
 */
public final class SessionTokenCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int KEY_ID_RANDOM_CHARS = 24;
    private static final int MAC_BYTES = 32;

    private final byte[] macKey;
    private final SecureRandom random = new SecureRandom();

    public SessionTokenCodec(byte[] macKey) {
        if (macKey.length < 32) {
            throw new IllegalArgumentException("MAC key must be at least 32 bytes");
        }
        this.macKey = macKey.clone();
    }

    /** A codec with a fresh random 256-bit key. */
    public static SessionTokenCodec withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SessionTokenCodec(key);
    }

    /** Issues a new temporary AccessKeyId, its derived secret, and a token binding them to the given session. */
    public IssuedSession mint(String roleArn, String roleSessionName, Optional<String> policy, Instant expiration) {
        String accessKeyId = newAccessKeyId();
        ObjectNode payload = JSON.createObjectNode()
                .put("v", 1)
                .put("akid", accessKeyId)
                .put("role", roleArn)
                .put("session", roleSessionName)
                .put("exp", expiration.getEpochSecond());
        policy.ifPresent(p -> payload.put("policy", p));
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac("token", body), 0, sealed, body.length, MAC_BYTES);
        String token = Base64.getEncoder().encodeToString(sealed);
        return new IssuedSession(accessKeyId, secretFor(accessKeyId), token, Instant.ofEpochSecond(expiration.getEpochSecond()));
    }

    /**
     * Checks the token's MAC and returns what it binds.
     *
     * @throws InvalidSessionTokenException when the token is malformed or its MAC does not verify (tampered, or
     *                                      minted by another emulator instance)
     */
    public SessionClaims verify(String token) {
        if (token == null) {
            throw new InvalidSessionTokenException();
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(token);
            if (sealed.length <= MAC_BYTES) {
                throw new InvalidSessionTokenException();
            }
            byte[] body = Arrays.copyOf(sealed, sealed.length - MAC_BYTES);
            byte[] presented = Arrays.copyOfRange(sealed, body.length, sealed.length);
            if (!MessageDigest.isEqual(mac("token", body), presented)) {
                throw new InvalidSessionTokenException();
            }
            JsonNode payload = JSON.readTree(body);
            if (payload.path("v").asInt() != 1) {
                throw new InvalidSessionTokenException();
            }
            return new SessionClaims(payload.path("akid").asText(), payload.path("role").asText(),
                    payload.path("session").asText(),
                    payload.hasNonNull("policy") ? Optional.of(payload.get("policy").asText()) : Optional.empty(),
                    Instant.ofEpochSecond(payload.path("exp").asLong()));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new InvalidSessionTokenException();
        } catch (java.io.IOException e) {
            throw new InvalidSessionTokenException();
        }
    }

    /** The AccessKeySecret that belongs to a temporary AccessKeyId minted by this codec. */
    public String secretFor(String accessKeyId) {
        byte[] derived = mac("secret", accessKeyId.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().withoutPadding().encodeToString(derived).replace('+', 'x').replace('/', 'y')
                .substring(0, 30);
    }

    /** True when the AccessKeyId has the shape of a temporary key ({@code STS.} prefix). */
    public static boolean isTemporaryKey(String accessKeyId) {
        return accessKeyId != null && accessKeyId.startsWith("STS.");
    }

    private String newAccessKeyId() {
        StringBuilder id = new StringBuilder("STS.");
        for (int i = 0; i < KEY_ID_RANDOM_CHARS; i++) {
            id.append(KEY_ID_ALPHABET.charAt(random.nextInt(KEY_ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private byte[] mac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
