package io.stsvend.cloudbox;

import java.time.Instant;

/**
 * A freshly minted temporary credential of the emulated STS. {@link #toString()} never shows the secret or the token.
 */
public record IssuedSession(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration) {

    @Override
    public String toString() {
        return "IssuedSession[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
