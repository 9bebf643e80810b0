package io.stsvend.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.issuance.GrantsConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ties an upload callback to a form this service issued. Contract: {@link #issue} returns the value of the form's
 * {@value #VARIABLE} field, pinned by the form's policy and echoed by OSS in the callback body as {@code binding}: a
 * Base64url JSON claim (subject, bucket, key or key prefix, expiry) and an HMAC-SHA256 over it with
 * {@link CallbackConfig#bindingKey()} (a random per-process key when unset). {@link #verify} accepts a callback only
 * when the HMAC matches, the bucket is one the grant rules name and the callback's bucket and object are the ones
 * the form allowed, until {@link #GRACE} after the form's expiry (a large upload may finish after it); anything else
 * is {@code forbidden}. An OSS signature alone proves only that some OSS request made the call.
 */
@ApplicationScoped
public class CallbackBinding {

    /** The custom callback variable (lower case, as OSS requires of {@code x:} names). */
    static final String VARIABLE = "x:stsvend-binding";
    static final Duration GRACE = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(CallbackBinding.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Set<String> buckets;
    private final Clock clock;

    @Inject
    public CallbackBinding(CallbackConfig config, GrantsConfig grants, Clock clock) {
        this(config.bindingKey().map(k -> Base64.getDecoder().decode(k.trim())).orElseGet(CallbackBinding::randomKey),
                grants.rules().stream().map(GrantsConfig.Rule::bucket).collect(Collectors.toUnmodifiableSet()), clock);
    }

    /** @param buckets the buckets the grant rules name; callbacks for any other are refused */
    CallbackBinding(byte[] key, Set<String> buckets, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.buckets = Set.copyOf(buckets);
        this.clock = clock;
    }

    /** The signed binding for a form letting {@code subject} upload {@code key} (or under it) until {@code expires}. */
    String issue(String subject, String bucket, String key, boolean isPrefix, Instant expires) {
        ObjectNode claim = JSON.createObjectNode().put("sub", subject).put("bucket", bucket).put("key", key)
                .put("prefix", isPrefix).put("exp", expires.getEpochSecond());
        String payload = B64.encodeToString(claim.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /**
     * @return the subject the form was issued to
     * @throws CodedException forbidden when the binding is absent, forged, expired or names another object
     */
    String verify(String binding, String bucket, String object) {
        int dot = binding == null ? -1 : binding.indexOf('.');
        if (dot <= 0 || !MessageDigest.isEqual(mac(binding.substring(0, dot)), decode(binding.substring(dot + 1)))) {
            throw refused("The callback does not belong to an upload form this service issued.");
        }
        JsonNode claim = claim(binding.substring(0, dot));
        String key = claim.path("key").asText();
        boolean sameObject = claim.path("prefix").asBoolean() ? object.startsWith(key) : object.equals(key);
        if (!buckets.contains(bucket) || !bucket.equals(claim.path("bucket").asText()) || !sameObject) {
            throw refused("The callback names another bucket or object than its upload form allowed.");
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(claim.path("exp").asLong()).plus(GRACE))) {
            throw refused("The callback's upload form expired.");
        }
        return claim.path("sub").asText();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static JsonNode claim(String payload) {
        try {
            return JSON.readTree(decode(payload));
        } catch (IOException e) {
            throw refused("The callback's binding is malformed.");
        }
    }

    private static byte[] decode(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static CodedException refused(String detail) {
        return new CodedException(ErrorCode.FORBIDDEN, detail);
    }

    private static byte[] randomKey() {
        LOG.info("stsvend.callback.binding-key is not set: upload callbacks are accepted only for forms issued by this"
                + " process (set it on every replica to share one key)");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
