package io.stsvend.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stsvend.grant.Grant;
import io.stsvend.issuance.IssuedCredentials;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The 200 body of {@code GET /credentials}: temporary credentials, where to use them, and what they allow.
 * {@code expiration} is UTC in exactly {@code yyyy-MM-ddTHH:mm:ssZ}, the format STS itself and the Alibaba client
 * SDKs use. This is the only place {@code accessKeySecret} and {@code securityToken} are ever written.
 */
@Schema(name = "Credentials", description = "Temporary STS credentials and what they allow.")
public record CredentialsResponse(
        @Schema(description = "Temporary AccessKeyId", example = "STS.NUgYrLnoC37mZZCNnAbez2") String accessKeyId,
        @Schema(description = "Temporary AccessKeySecret") String accessKeySecret,
        @Schema(description = "SecurityToken to send with every OSS request") String securityToken,
        @Schema(description = "UTC expiry, yyyy-MM-ddTHH:mm:ssZ", example = "2026-11-30T12:00:00Z") String expiration,
        @Schema(description = "OSS region id", example = "cn-hangzhou") String region,
        @Schema(description = "OSS endpoint URL", example = "https://oss-cn-hangzhou.aliyuncs.com") String endpoint,
        @Schema(description = "What the credentials allow, sorted") List<GrantView> grants) {

    static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    static CredentialsResponse of(IssuedCredentials issued, String region, String endpoint) {
        var credentials = issued.credentials();
        return new CredentialsResponse(credentials.accessKeyId(), credentials.accessKeySecret(),
                credentials.securityToken(), EXPIRATION.format(credentials.expiration()), region, endpoint,
                issued.grants().stream().map(GrantView::of).toList());
    }

    @Override
    public String toString() {
        return "CredentialsResponse[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }

    /** One grant as the app sees it: access levels on a bucket prefix (and an object-name pattern, if any). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Grant", description = "Access levels on a bucket prefix, optionally narrowed to an object pattern.")
    public record GrantView(
            @Schema(example = "app-bucket") String bucket,
            @Schema(example = "users/alice/") String prefix,
            @Schema(enumeration = {"read", "write", "delete", "list"}) List<String> access,
            @Schema(description = "Object-name pattern after the prefix, if any", example = "*.jpg") String objects) {

        static GrantView of(Grant grant) {
            return new GrantView(grant.bucket(), grant.prefix(),
                    grant.access().stream().map(a -> a.label()).toList(), grant.objectPattern().orElse(null));
        }
    }
}
