package io.stsvend.sts;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials returned by STS. {@link #toString()} shows neither the secret nor the token, so an instance
 * may be logged or put in an exception message safely.
 *
 * @param expiration the instant STS says the credentials stop working, whole seconds, UTC
 * @param requestId  STS's request id, for the audit trail
 */
public record TemporaryCredentials(String accessKeyId, String accessKeySecret, String securityToken,
                                   Instant expiration, String requestId) {

    public TemporaryCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(securityToken, "securityToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", requestId="
                + requestId + ", accessKeySecret=***, securityToken=***]";
    }
}
