package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.InvalidSessionTokenException;
import io.stsvend.cloudbox.SessionClaims;
import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.MultiMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies an RPC request signed with V1 exactly as spec §2.3 describes, or with V3 ({@link #authenticateV3}):
 * signature parameters, the caller's AccessKey (the RAM user's long-term key, or a temporary {@code STS.} key whose
 * SecurityToken is checked with the codec), the signature (constant-time), the Timestamp (at most 15 minutes off the
 * injected clock) and the SignatureNonce (never twice within that window). Fails with a {@link StsRejection}; thread-safe.
 */
final class RequestAuthenticator {

    static final Duration TOLERANCE = Duration.ofMinutes(15);
    // yyyy-MM-ddTHH:mm:ssZ, optionally with a fraction of a second: ali-oss's STS client sends Date.toISOString()
    // (milliseconds), and it works against the real service.
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
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

    /** Verifies an RPC V1 request; returns the verified caller, or throws the first applicable {@link StsRejection}. */
    RamPrincipal authenticate(String httpMethod, Map<String, String> params) {
        String signature = required(params, RpcSignature.SIGNATURE);
        if (!"HMAC-SHA1".equals(required(params, "SignatureMethod"))) {
            throw StsError.INVALID_SIGNATURE_METHOD.reject();
        }
        if (!"1.0".equals(required(params, "SignatureVersion"))) {
            throw StsError.INVALID_SIGNATURE_VERSION.reject();
        }
        Instant now = clock.instant();
        Keyed keyed = lookUp(required(params, "AccessKeyId"), params.get("SecurityToken"), now);
        String stringToSign = RpcSignature.stringToSign(httpMethod, params);
        if (!RpcSignature.matches(RpcSignature.sign(keyed.secret(), stringToSign), signature)) {
            throw StsError.SIGNATURE_DOES_NOT_MATCH.reject(stringToSign);
        }
        checkFreshness(required(params, "Timestamp"), required(params, "SignatureNonce"), now);
        return keyed.caller();
    }

    /**
     * Verifies a V3 ({@code ACS3-HMAC-SHA256}) request ({@link AcsV3Signature}): the Authorization header, that every
     * {@code x-acs-*} header, {@code host} and {@code content-type} present are signed (Alibaba: all common headers but
     * Authorization must be), the caller's key and token ({@code x-acs-security-token}), the signature over the
     * canonical request with the body's real SHA-256 (so {@code x-acs-content-sha256} must tell the truth), then
     * {@code x-acs-date} and {@code x-acs-signature-nonce} like V1's Timestamp and SignatureNonce.
     */
    RamPrincipal authenticateV3(String httpMethod, String path, String rawQuery, MultiMap headers, byte[] body) {
        AcsV3Authorization authorization = AcsV3Authorization.parse(headers.get("Authorization"));
        if (!AcsV3Signature.ALGORITHM.equals(authorization.algorithm())) {
            throw StsError.INVALID_SIGNATURE_METHOD.reject();
        }
        String date = requiredHeader(headers, "x-acs-date");
        String nonce = requiredHeader(headers, "x-acs-signature-nonce");
        String claimedHash = requiredHeader(headers, "x-acs-content-sha256");
        Instant now = clock.instant();
        Keyed keyed = lookUp(authorization.accessKeyId(), headers.get("x-acs-security-token"), now);

        List<String> signed = authorization.signedHeaders();
        String hashedPayload = AcsV3Signature.sha256Hex(body);
        String canonicalRequest = AcsV3Signature.canonicalRequest(httpMethod, path,
                AcsV3Signature.canonicalQuery(rawQuery), AcsV3Signature.canonicalHeaders(signed, headers::getAll),
                signed, hashedPayload);
        String stringToSign = AcsV3Signature.stringToSign(canonicalRequest);
        if (!signed.equals(signed.stream().sorted().distinct().toList()) || !signsEveryCommonHeader(signed, headers)) {
            throw StsError.INCOMPLETE_SIGNATURE.reject(stringToSign);
        }
        if (!RpcSignature.matches(AcsV3Signature.sign(keyed.secret(), stringToSign), authorization.signature())
                || !RpcSignature.matches(hashedPayload, claimedHash.toLowerCase(Locale.ROOT))) {
            throw StsError.SIGNATURE_DOES_NOT_MATCH.reject(stringToSign);
        }
        checkFreshness(date, nonce, now);
        return keyed.caller();
    }

    private static boolean signsEveryCommonHeader(List<String> signed, MultiMap headers) {
        Set<String> mustSign = new TreeSet<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-acs-") || lower.equals("host") || lower.equals("content-type")) {
                mustSign.add(lower);
            }
        }
        mustSign.add("host");
        return signed.containsAll(mustSign) && signed.stream().allMatch(headers::contains);
    }

    /** The caller and its secret: the RAM user, or a temporary key whose token verifies, belongs to it and is live. */
    private Keyed lookUp(String accessKeyId, String securityToken, Instant now) {
        if (SessionTokenCodec.isTemporaryKey(accessKeyId)) {
            return new Keyed(RamPrincipal.roleSession(verifiedToken(accessKeyId, securityToken, now)),
                    codec.secretFor(accessKeyId));
        }
        if (accessKeyId.equals(user.accessKeyId())) {
            return new Keyed(RamPrincipal.ramUser(accessKeyId), user.accessKeySecret());
        }
        throw StsError.ACCESS_KEY_NOT_FOUND.reject();
    }

    private void checkFreshness(String timestampText, String nonce, Instant now) {
        Instant timestamp = timestamp(timestampText);
        if (Duration.between(timestamp, now).abs().compareTo(TOLERANCE) > 0) {
            throw StsError.TIMESTAMP_EXPIRED.reject();
        }
        if (!nonces.firstUse(nonce, timestamp, now)) {
            throw StsError.NONCE_USED.reject();
        }
    }

    private record Keyed(RamPrincipal caller, String secret) {
        @Override
        public String toString() {
            return "Keyed[caller=" + caller.accessKeyId() + "]";
        }
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

    private static String requiredHeader(MultiMap headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isEmpty()) {
            throw StsError.MISSING_PARAMETER.reject(name);
        }
        return value;
    }

    static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw StsError.MISSING_PARAMETER.reject(name);
        }
        return value;
    }
}
