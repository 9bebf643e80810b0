package io.stsvend.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import io.quarkus.runtime.Startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies OSS upload callbacks (spec §6.3). Contract: the Base64 {@code x-oss-pub-key-url} must be allow-listed
 * ({@link CallbackPublicKeys}); the Base64 {@code authorization} must be a valid {@code MD5withRSA} signature by that
 * key over {@code urlDecode(path) + ("?" + raw query, if any) + "\n" + raw body}; a signature already accepted within
 * {@link CallbackConfig#replayWindow()} is a replay; the body's {@code binding} must tie it to a form this service
 * issued for that bucket and object ({@link CallbackBinding}). Every refusal is {@code forbidden}. An accepted
 * callback is written, with the subject the form was issued to, to the {@code stsvend.audit} log. Every outcome is
 * counted in {@code stsvend.upload.callbacks{outcome}} (accepted, rejected, unbound, replayed; all from startup).
 */
@Startup
@ApplicationScoped
public class CallbackVerifier {

    static final String METRIC = "stsvend.upload.callbacks";
    private static final Logger AUDIT = Logger.getLogger("stsvend.audit");
    private static final Logger LOG = Logger.getLogger(CallbackVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallbackPublicKeys keys;
    private final CallbackBinding binding;
    private final MeterRegistry registry;
    private final Cache<String, Boolean> seen;

    @Inject
    public CallbackVerifier(CallbackPublicKeys keys, CallbackBinding binding, MeterRegistry registry,
                            CallbackConfig config) {
        this.keys = keys;
        this.binding = binding;
        this.registry = registry;
        for (String outcome : new String[] {"accepted", "rejected", "unbound", "replayed"}) {
            registry.counter(METRIC, "outcome", outcome);
        }
        this.seen = Caffeine.newBuilder().maximumSize(CallbackConfigCheck.MAX_REMEMBERED)
                .expireAfterWrite(config.replayWindow()).build();
    }

    /**
     * @param rawPath  the request path exactly as received (still percent-encoded)
     * @param rawQuery the query as received, {@code null} without one
     */
    public Uni<UploadCallback> verify(String authorization, String publicKeyUrl, String rawPath, String rawQuery,
                                      String contentType, byte[] body) {
        String url = decode(publicKeyUrl);
        byte[] signature = decodeBytes(authorization);
        if (url == null || signature == null || !keys.allowed(url)) {
            return Uni.createFrom().failure(rejected("rejected", "The callback is unsigned or its key URL is not"
                    + " allowed."));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String stringToSign = URLDecoder.decode(rawPath, StandardCharsets.UTF_8)
                + (rawQuery == null ? "" : "?" + rawQuery) + "\n" + text;
        return Uni.createFrom().completionStage(() -> keys.get(url))
                .onFailure().transform(e -> {
                    LOG.debugf("callback public key unavailable: %s", e.toString());
                    return rejected("rejected", "The callback's public key could not be fetched.");
                })
                .map(key -> accept(key, stringToSign, signature, contentType, text));
    }

    private UploadCallback accept(PublicKey key, String stringToSign, byte[] signature, String contentType,
                                  String body) {
        if (!valid(key, stringToSign, signature)) {
            throw rejected("rejected", "The callback signature does not match.");
        }
        UploadCallback upload = UploadCallback.parse(contentType, body);
        String subject;
        try {
            subject = binding.verify(upload.binding(), upload.bucket(), upload.object());
        } catch (CodedException e) {
            registry.counter(METRIC, "outcome", "unbound").increment();
            throw e;
        }
        if (seen.asMap().putIfAbsent(Base64.getEncoder().encodeToString(signature), Boolean.TRUE) != null) {
            throw rejected("replayed", "This callback was already received.");
        }
        audit(subject, upload);
        registry.counter(METRIC, "outcome", "accepted").increment();
        return upload;
    }

    private static boolean valid(PublicKey key, String stringToSign, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("MD5withRSA");
            rsa.initVerify(key);
            rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void audit(String subject, UploadCallback upload) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("event", "upload-callback");
        event.put("subject", subject);
        event.put("bucket", upload.bucket());
        event.put("object", upload.object());
        event.put("size", upload.size());
        event.put("etag", upload.etag());
        event.put("outcome", "accepted");
        try {
            AUDIT.info(JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            LOG.errorf("Audit event could not be written (%s)", e.getClass().getSimpleName());
        }
    }

    private CodedException rejected(String outcome, String detail) {
        registry.counter(METRIC, "outcome", outcome).increment();
        return new CodedException(ErrorCode.FORBIDDEN, detail);
    }

    private static String decode(String base64) {
        byte[] bytes = decodeBytes(base64);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] decodeBytes(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
