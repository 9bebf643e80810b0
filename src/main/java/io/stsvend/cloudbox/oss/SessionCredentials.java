package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.InvalidSessionTokenException;
import io.stsvend.cloudbox.SessionClaims;
import io.stsvend.cloudbox.SessionTokenCodec;

import java.time.Clock;

/**
 * Resolves the STS session behind a request's AccessKeyId and SecurityToken. The emulator has no permanent users:
 * only temporary {@code STS.} keys with a token minted by the configured codec, bound to that key and not expired
 * on the emulator clock, are accepted. The secret is derived, never stored.
 */
final class SessionCredentials {

    private final SessionTokenCodec codec;
    private final Clock clock;

    SessionCredentials(SessionTokenCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * @throws OssException InvalidAccessKeyId (not a temporary key), InvalidSecurityToken (missing, garbled, foreign),
     *                      AccessKeyIdAndSecurityTokenNotMatch, SecurityTokenExpired
     */
    Authentication resolve(String accessKeyId, String securityToken) {
        if (!SessionTokenCodec.isTemporaryKey(accessKeyId)) {
            throw new OssException(OssErrorCode.INVALID_ACCESS_KEY_ID, OssErrorCode.INVALID_ACCESS_KEY_ID.message,
                    java.util.Map.of("OSSAccessKeyId", accessKeyId));
        }
        if (securityToken == null || securityToken.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_SECURITY_TOKEN);
        }
        SessionClaims claims;
        try {
            claims = codec.verify(securityToken);
        } catch (InvalidSessionTokenException e) {
            throw new OssException(OssErrorCode.INVALID_SECURITY_TOKEN);
        }
        if (!claims.accessKeyId().equals(accessKeyId)) {
            throw new OssException(OssErrorCode.TOKEN_NOT_MATCH);
        }
        if (claims.expiredAt(clock.instant())) {
            throw new OssException(OssErrorCode.TOKEN_EXPIRED);
        }
        return new Authentication(claims, accessKeyId);
    }

    /** The temporary secret of a key that {@link #resolve} accepted. */
    String secretFor(String accessKeyId) {
        return codec.secretFor(accessKeyId);
    }
}
