package io.stsvend.local.sts;

import io.stsvend.local.InvalidSessionTokenException;
import io.stsvend.local.SessionClaims;
import io.stsvend.local.SessionTokenCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * Verifies an RPC V1 request exactly as spec §2.3 describes: signature parameters, the caller's AccessKey (the RAM
 * user's long-term key, or a temporary {@code STS.} key whose SecurityToken is checked with the codec), the
 * HMAC-SHA1 signature (constant-time), the Timestamp (at most 15 minutes off the injected clock) and the
 * SignatureNonce (never twice within that window). Fails with a {@link StsRejection}; thread-safe.
 */
final class RequestAuthenticator {

    static final Duration TOLERANCE = Duration.ofMinutes(15);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    private final StsEmulatorSettings.RamUser user;
    private final SessionTokenCodec codec;
    private final Clock clock;
    private final NonceWindow nonces = new NonceWindow(TOLERANCE);

    RequestAuthenticator(StsEmulatorSettings.RamUser user, SessionTokenCodec codec, Clock clock) {
        this.user = user;
        this.codec = codec;
        this.clock = clock;
    }

    /** Returns the verified caller, or throws the first applicable {@link StsRejection}. */
    Caller authenticate(String httpMethod, Map<String, String> params) {
        String signature = required(params, RpcSignature.SIGNATURE);
        if (!"HMAC-SHA1".equals(required(params, "SignatureMethod"))) {
            throw StsError.INVALID_SIGNATURE_METHOD.reject();
        }
        if (!"1.0".equals(required(params, "SignatureVersion"))) {
            throw StsError.INVALID_SIGNATURE_VERSION.reject();
        }
        String accessKeyId = required(params, "AccessKeyId");
        Instant now = clock.instant();
        Caller caller;
        String secret;
        if (SessionTokenCodec.isTemporaryKey(accessKeyId)) {
            caller = Caller.roleSession(verifiedToken(accessKeyId, params.get("SecurityToken"), now));
            secret = codec.secretFor(accessKeyId);
        } else if (accessKeyId.equals(user.accessKeyId())) {
            caller = Caller.ramUser(accessKeyId);
            secret = user.accessKeySecret();
        } else {
            throw StsError.ACCESS_KEY_NOT_FOUND.reject();
        }
        String stringToSign = RpcSignature.stringToSign(httpMethod, params);
        if (!RpcSignature.matches(RpcSignature.sign(secret, stringToSign), signature)) {
            throw StsError.SIGNATURE_DOES_NOT_MATCH.reject(stringToSign);
        }
        Instant timestamp = timestamp(required(params, "Timestamp"));
        if (Duration.between(timestamp, now).abs().compareTo(TOLERANCE) > 0) {
            throw StsError.TIMESTAMP_EXPIRED.reject();
        }
        if (!nonces.firstUse(required(params, "SignatureNonce"), timestamp, now)) {
            throw StsError.NONCE_USED.reject();
        }
        return caller;
    }

    /** Nonces currently remembered for replay protection. */
    int rememberedNonces() {
        return nonces.size();
    }

    private SessionClaims verifiedToken(String accessKeyId, String token, Instant now) {
        if (token == null || token.isEmpty()) {
            throw StsError.MISSING_SECURITY_TOKEN.reject();
        }
        SessionClaims claims;
        try {
            claims = codec.verify(token);
        } catch (InvalidSessionTokenException e) {
            throw StsError.SECURITY_TOKEN_MALFORMED.reject();
        }
        if (!claims.accessKeyId().equals(accessKeyId)) {
            throw StsError.SECURITY_TOKEN_MISMATCH.reject();
        }
        if (claims.expiredAt(now)) {
            throw StsError.SECURITY_TOKEN_EXPIRED.reject();
        }
        return claims;
    }

    private static Instant timestamp(String text) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw StsError.TIMESTAMP_FORMAT.reject();
        }
    }

    static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw StsError.MISSING_PARAMETER.reject(name);
        }
        return value;
    }
}
