package io.stsvend.upload;


import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.Access;
import io.stsvend.grant.ObjectScope;
import io.stsvend.identity.Caller;
import io.stsvend.issuance.CredentialIssuer;
import io.stsvend.issuance.IssuedCredentials;
import io.stsvend.issuance.OssConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostObject forms (spec §5) signed with Signature V4 by the OSS SDK ({@code calculatePostSignature(policy, date)})
 * with the caller's vended credentials from the per-user cache. Contract: the caller's grants must give
 * {@code write} on the key, or on every key under the key prefix, else {@code forbidden}; the file size is capped by
 * {@link UploadConfig#maxFormBytes()}, the lifetime as for presigned URLs.
 */
@ApplicationScoped
public class FormSigner {

    private static final DateTimeFormatter V4_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CredentialIssuer issuer;
    private final OssConfig oss;
    private final UploadConfig config;
    private final CallbackConfig callbacks;
    private final CallbackBinding binding;
    private final Clock clock;

    @Inject
    public FormSigner(CredentialIssuer issuer, OssConfig oss, UploadConfig config, CallbackConfig callbacks,
                      CallbackBinding binding, Clock clock) {
        this.issuer = issuer;
        this.oss = oss;
        this.config = config;
        this.callbacks = callbacks;
        this.binding = binding;
        this.clock = clock;
    }

    /**
     * A form for the caller; with {@code "callback": true} it also carries a callback to
     * {@link CallbackConfig#url()} bound to this form ({@link CallbackBinding}), and is {@code bad-request} while
     * that URL is not configured.
     */
    public Uni<UploadForm> sign(Caller caller, FormRequest request) {
        if (request == null) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "A JSON body is required.");
        }
        if ((request.key() == null) == (request.keyPrefix() == null)) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "Give exactly one of key and keyPrefix.");
        }
        boolean isPrefix = request.keyPrefix() != null;
        String key = isPrefix ? ObjectKeys.check(request.keyPrefix(), "keyPrefix") : ObjectKeys.check(request.key(),
                "key");
        if (request.maxBytes() != null && request.maxBytes() <= 0) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "maxBytes must be positive.");
        }
        List<String> contentTypes = FormPolicy.checkContentTypes(request.contentTypes());
        Lifetimes.checkRequested(request.expiresInSeconds());
        Optional<URI> callbackUrl = Boolean.TRUE.equals(request.callback()) ? Optional.of(callbackUrl())
                : Optional.empty();
        return issuer.issue(caller).map(issued -> form(caller, issued, request, key, isPrefix, contentTypes,
                callbackUrl));
    }

    private URI callbackUrl() {
        return callbacks.url().map(URI::create).orElseThrow(() -> new CodedException(ErrorCode.BAD_REQUEST,
                "This service does not offer upload callbacks (stsvend.callback.url is not configured)."));
    }

    private UploadForm form(Caller caller, IssuedCredentials issued, FormRequest request, String key,
                            boolean isPrefix, List<String> contentTypes, Optional<URI> callbackUrl) {
        String bucket = Lifetimes.bucketFor(request.bucket(), issued, Access.WRITE);
        boolean allowed = isPrefix ? ObjectScope.allowsEveryKeyUnder(issued.grants(), bucket, key, Access.WRITE)
                : ObjectScope.allows(issued.grants(), bucket, key, Access.WRITE);
        if (!allowed) {
            throw new CodedException(ErrorCode.FORBIDDEN, "Your grants do not allow uploading "
                    + (isPrefix ? "everywhere under this prefix." : "this object."));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = Lifetimes.expiry(now, request.expiresInSeconds(), config.maxLifetime(),
                issued.credentials().expiration());
        long maxBytes = request.maxBytes() == null ? config.maxFormBytes()
                : Math.min(request.maxBytes(), config.maxFormBytes());
        Map<String, String> callback = new LinkedHashMap<>();
        callbackUrl.ifPresent(url -> {
            callback.put("callback", CallbackParameter.of(url));
            callback.put(CallbackBinding.VARIABLE, binding.issue(caller.subject(), bucket, key, isPrefix, expires));
        });
        var credentials = issued.credentials();
        String date = V4_DATE.format(now);
        FormPolicy.V4Fields v4 = new FormPolicy.V4Fields(credentials.accessKeyId() + "/" + date.substring(0, 8) + "/"
                + oss.region() + "/oss/aliyun_v4_request", date, credentials.securityToken());
        String policy = new FormPolicy(expires, bucket, key, isPrefix, maxBytes, contentTypes, v4, callback).json();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("policy", Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8)));
        fields.put("x-oss-signature-version", "OSS4-HMAC-SHA256");
        fields.put("x-oss-credential", v4.credential());
        fields.put("x-oss-date", date);
        fields.put("x-oss-signature", signature(issued, policy, now));
        fields.put("x-oss-security-token", credentials.securityToken());
        fields.putAll(callback);
        return new UploadForm(UploadUrl.of(oss.endpoint(), bucket), fields, UrlPresigner.UTC.format(expires));
    }

    /** Signs locally with the SDK's V4 signer. */
    private String signature(IssuedCredentials issued, String policy, Instant signedAt) {
        return SigningClient.postSignature(oss, issued.credentials(), policy, signedAt);
    }
}
