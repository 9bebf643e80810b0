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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Presigned URLs for one object, made by the OSS SDK's own presigner with the caller's vended credentials (the same
 * per-user cache as {@code GET /credentials}, so the URL carries that STS token). Contract: GET needs {@code read}
 * and PUT {@code write} on the object by the caller's grants, else {@code forbidden}; the lifetime is the requested
 * one capped by {@link UploadConfig#maxLifetime()} and by the credentials' expiry.
 */
@ApplicationScoped
public class UrlPresigner {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CredentialIssuer issuer;
    private final OssConfig oss;
    private final UploadConfig config;
    private final Clock clock;

    @Inject
    public UrlPresigner(CredentialIssuer issuer, OssConfig oss, UploadConfig config, Clock clock) {
        this.issuer = issuer;
        this.oss = oss;
        this.config = config;
        this.clock = clock;
    }

    public Uni<PresignedUrl> presign(Caller caller, PresignRequest request) {
        if (request == null) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "A JSON body is required.");
        }
        Access access = accessOf(request.method());
        String version = versionOf(request.signatureVersion());
        String key = ObjectKeys.check(request.key(), "key");
        Lifetimes.checkRequested(request.expiresInSeconds());
        return issuer.issue(caller).map(issued -> sign(issued, request, access, version, key));
    }

    private PresignedUrl sign(IssuedCredentials issued, PresignRequest request, Access access, String version,
                              String key) {
        String bucket = Lifetimes.bucketFor(request.bucket(), issued, access);
        if (!ObjectScope.allows(issued.grants(), bucket, key, access)) {
            throw new CodedException(ErrorCode.FORBIDDEN, "Your grants do not allow " + request.method()
                    + " on this object.");
        }
        Instant expires = Lifetimes.expiry(clock.instant(), request.expiresInSeconds(), config.maxLifetime(),
                issued.credentials().expiration());
        boolean put = access == Access.WRITE;
        String url = SigningClient.presignedUrl(oss, issued.credentials(), "V4".equals(version), bucket, key, put,
                expires, request.contentType());
        Map<String, String> headers = request.contentType() == null ? Map.of()
                : Map.of("Content-Type", request.contentType());
        return new PresignedUrl(url, put ? "PUT" : "GET", bucket, key, UTC.format(expires), version,
                headers);
    }

    private static Access accessOf(String method) {
        if ("GET".equals(method)) {
            return Access.READ;
        }
        if ("PUT".equals(method)) {
            return Access.WRITE;
        }
        throw new CodedException(ErrorCode.BAD_REQUEST, "method must be GET or PUT.");
    }

    /** {@code V4} (the default) or {@code V1}. */
    private static String versionOf(String version) {
        if (version == null || version.equals("V4")) {
            return "V4";
        }
        if (version.equals("V1")) {
            return "V1";
        }
        throw new CodedException(ErrorCode.BAD_REQUEST, "signatureVersion must be V4 or V1.");
    }
}
