package io.stsvend.cloudbox.oss;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies Signature V4 requests: {@code Authorization: OSS4-HMAC-SHA256 Credential=..,[AdditionalHeaders=..,]
 * Signature=..} headers (with or without spaces after commas; {@code x-oss-date} within 15 minutes;
 * {@code UNSIGNED-PAYLOAD} only) and presigned URLs ({@code x-oss-date} + relative {@code x-oss-expires} of at most
 * 7 days, token in {@code x-oss-security-token}).
 */
final class V4Verifier {

    private static final long MAX_EXPIRES_SECONDS = 604800;

    private final SigningRules rules;

    V4Verifier(SigningRules rules) {
        this.rules = rules;
    }

    Authentication verifyHeader(OssRequest request, String authorization) {
        Map<String, String> fields = new HashMap<>();
        for (String field : authorization.substring(V4Signature.ALGORITHM.length()).split(",")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Authorization header is invalid.");
            }
            fields.put(field.substring(0, eq).trim(), field.substring(eq + 1).trim());
        }
        String provided = fields.get("Signature");
        if (fields.get("Credential") == null || provided == null || provided.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Authorization header is invalid.");
        }
        String dateTime = request.header("x-oss-date");
        Instant signedAt = SigningTime.parseV4(dateTime);
        V4Credential credential = V4Credential.parse(fields.get("Credential"), rules.region(), dateTime.trim());
        if (!V4Signature.UNSIGNED_PAYLOAD.equals(request.headerOrEmpty("x-oss-content-sha256"))) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "x-oss-content-sha256 must be UNSIGNED-PAYLOAD.");
        }
        rules.time().requireWithinSkew(signedAt);
        Authentication auth = rules.credentials().resolve(credential.accessKeyId(), request.header("x-oss-security-token"));
        check(request, request.query(), additionalHeaders(fields.get("AdditionalHeaders")), dateTime.trim(),
                credential, provided);
        return auth;
    }

    Authentication verifyPresigned(OssRequest request) {
        String dateTime = request.param("x-oss-date");
        String expires = request.param("x-oss-expires");
        String provided = request.param("x-oss-signature");
        String credentialParam = request.param("x-oss-credential");
        if (!V4Signature.ALGORITHM.equals(request.param("x-oss-signature-version"))) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "x-oss-signature-version is invalid.");
        }
        if (dateTime == null || expires == null || provided == null || credentialParam == null) {
            throw new OssException(OssErrorCode.QUERY_AUTH_INCOMPLETE, "Query string authentication requires the "
                    + "x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature parameters");
        }
        Instant signedAt = SigningTime.parseV4(dateTime);
        V4Credential credential = V4Credential.parse(credentialParam, rules.region(), dateTime);
        long lifetime = parseExpires(expires);
        if (rules.time().now().isAfter(signedAt.plus(Duration.ofSeconds(lifetime)))) {
            throw new OssException(OssErrorCode.REQUEST_EXPIRED);
        }
        if (signedAt.isAfter(rules.time().now().plus(OssSettings.MAX_SKEW))) {
            rules.time().requireWithinSkew(signedAt);
        }
        Authentication auth = rules.credentials().resolve(credential.accessKeyId(), request.param("x-oss-security-token"));
        Map<String, String> signedQuery = new LinkedHashMap<>(request.query());
        signedQuery.remove("x-oss-signature");
        check(request, signedQuery, additionalHeaders(request.param("x-oss-additional-headers")), dateTime,
                credential, provided);
        return auth;
    }

    private void check(OssRequest request, Map<String, String> query, Set<String> additionalHeaders, String dateTime,
                       V4Credential credential, String provided) {
        String canonical = V4Signature.canonicalRequest(request.method(), request.bucket().name(), request.key(),
                query, request.headers(), additionalHeaders);
        String stringToSign = V4Signature.stringToSign(dateTime, credential.scope(), canonical);
        String expected = V4Signature.sign(rules.credentials().secretFor(credential.accessKeyId()), credential.date(),
                credential.region(), stringToSign);
        SignatureCheck.require(expected, provided.toLowerCase(Locale.ROOT), stringToSign, credential.accessKeyId(),
                Map.of("CanonicalRequest", canonical));
    }

    private static long parseExpires(String expires) {
        return BoundedNumber.parse(expires, 1, MAX_EXPIRES_SECONDS).orElseThrow(() -> new OssException(
                OssErrorCode.INVALID_ARGUMENT, "x-oss-expires must be between 1 and 604800."));
    }

    /** Parses {@code h1;h2}; an explicitly empty list is an error (OSS EC 0002-00000209). */
    private static Set<String> additionalHeaders(String list) {
        Set<String> names = new TreeSet<>();
        if (list == null) {
            return names;
        }
        for (String name : list.split(";")) {
            if (!name.isBlank()) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "AdditionalHeaders must not be empty.");
        }
        return names;
    }
}
