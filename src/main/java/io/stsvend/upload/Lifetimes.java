package io.stsvend.upload;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.Access;
import io.stsvend.grant.ObjectScope;
import io.stsvend.issuance.IssuedCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The rules shared by presigned URLs and upload forms: requested lifetime and bucket choice. */
final class Lifetimes {

    private Lifetimes() {
    }

    /** A requested lifetime must be positive (an absent one means "as long as allowed"). */
    static void checkRequested(Long seconds) {
        if (seconds != null && seconds <= 0) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "expiresInSeconds must be positive.");
        }
    }

    /** now + the requested lifetime, capped by {@code max} and by the credentials' {@code expiration}. */
    static Instant expiry(Instant now, Long requestedSeconds, Duration max, Instant expiration) {
        Duration lifetime = requestedSeconds == null ? max : Duration.ofSeconds(Math.min(requestedSeconds,
                max.getSeconds()));
        Instant expires = now.plus(lifetime);
        return expires.isAfter(expiration) ? expiration : expires;
    }

    /** The named bucket, or the only bucket the grants give {@code access} in; ambiguity is a client error. */
    static String bucketFor(String bucket, IssuedCredentials issued, Access access) {
        if (bucket != null) {
            return bucket;
        }
        Set<String> buckets = ObjectScope.buckets(issued.grants(), access);
        if (buckets.size() != 1) {
            throw new CodedException(buckets.isEmpty() ? ErrorCode.FORBIDDEN : ErrorCode.BAD_REQUEST,
                    buckets.isEmpty() ? "Your grants allow this in no bucket." : "Name the bucket: your grants"
                            + " allow this in several.");
        }
        return buckets.iterator().next();
    }
}
