package io.stsvend.cloudbox;

import java.time.Instant;
import java.util.Optional;

/**
 * What the emulated STS bound into a {@code SecurityToken}: the temporary AccessKeyId it was issued with, the role and
 * session it stands for, the session policy passed to AssumeRole (empty when none was passed) and its expiry.
 *
 * <p>Produced only by {@link SessionTokenCodec#verify(String)}, i.e. after the token's MAC has been checked, so the
 * OSS emulator can trust every field. Expiry is <em>not</em> checked by the codec: callers compare
 * {@link #expiration()} with their own clock and answer with their own error code.
 */
public record SessionClaims(String accessKeyId, String roleArn, String roleSessionName, Optional<String> policy,
                            Instant expiration) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiration);
    }

    @Override
    public String toString() {
        return "SessionClaims[accessKeyId=" + accessKeyId + ", roleArn=" + roleArn + ", roleSessionName="
                + roleSessionName + ", expiration=" + expiration + "]";
    }
}
