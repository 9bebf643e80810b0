package io.stsvend.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Optional;

/**
 * The body of {@code GET /credentials} as an app reads it. {@link #toString()} leaves out the secret and the token:
 * they are for signing, never for printing.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VendedCredentials(String accessKeyId, String accessKeySecret, String securityToken, String expiration,
                         String region, String endpoint, List<GrantView> grants) {

    /** One grant: access levels on a bucket prefix. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GrantView(String bucket, String prefix, List<String> access) {

        boolean allows(String level) {
            return access != null && access.contains(level);
        }
    }

    /** The first grant that lets the caller write: where the demo uploads. */
    Optional<GrantView> writableGrant() {
        return grants == null ? Optional.empty() : grants.stream().filter(g -> g.allows("write")).findFirst();
    }

    @Override
    public String toString() {
        return "VendedCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
