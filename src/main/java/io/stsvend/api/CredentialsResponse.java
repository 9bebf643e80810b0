package io.stsvend.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stsvend.grant.Grant;
import io.stsvend.issuance.IssuedCredentials;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The 200 body of {@code GET /credentials}: temporary credentials, where to use them, and what they allow.
 * {@code expiration} is UTC in exactly {@code yyyy-MM-ddTHH:mm:ssZ}, the format STS itself and the Alibaba client
 * SDKs use. This is the only place {@code accessKeySecret} and {@code securityToken} are ever written.
 */
public record CredentialsResponse(String accessKeyId, String accessKeySecret, String securityToken, String expiration,
                                  String region, String endpoint, List<GrantView> grants) {

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
    public record GrantView(String bucket, String prefix, List<String> access, String objects) {

        static GrantView of(Grant grant) {
            return new GrantView(grant.bucket(), grant.prefix(),
                    grant.access().stream().map(a -> a.label()).toList(), grant.objectPattern().orElse(null));
        }
    }
}
