package io.stsvend.cloudbox.oss;

import java.time.Instant;
import java.util.Map;

/**
 * Verifies Signature V1 requests: {@code Authorization: OSS <ak>:<sig>} headers (date from {@code x-oss-date} if
 * present, else {@code Date}; 15-minute skew; token in {@code x-oss-security-token}, else {@code security-token})
 * and presigned URLs ({@code OSSAccessKeyId}, absolute {@code Expires}, {@code Signature}, token in the signed
 * sub-resource {@code security-token}).
 */
final class V1Verifier {

    private final SigningRules rules;

    V1Verifier(SigningRules rules) {
        this.rules = rules;
    }

    Authentication verifyHeader(OssRequest request, String authorization) {
        String credential = authorization.substring("OSS ".length()).trim();
        int colon = credential.indexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Authorization header is invalid.");
        }
        String accessKeyId = credential.substring(0, colon);
        String provided = credential.substring(colon + 1);
        String date = request.header("x-oss-date") != null ? request.header("x-oss-date") : request.header("Date");
        if (date == null) {
            throw new OssException(OssErrorCode.DATE_MISSING);
        }
        rules.time().requireWithinSkew(SigningTime.parseRfc1123(date));
        // The OSS SDK for Java V2 sends the token of a V1 header signature as an unsigned "security-token" header;
        // the token is bound to the key id either way, so accepting it weakens nothing.
        String token = request.header("x-oss-security-token") != null ? request.header("x-oss-security-token")
                : request.header("security-token");
        Authentication auth = rules.credentials().resolve(accessKeyId, token);
        check(request, date.trim(), accessKeyId, provided);
        return auth;
    }

    Authentication verifyPresigned(OssRequest request) {
        String accessKeyId = request.param("OSSAccessKeyId");
        String expires = request.param("Expires");
        String provided = request.param("Signature");
        if (accessKeyId == null || expires == null || provided == null) {
            throw new OssException(OssErrorCode.QUERY_AUTH_INCOMPLETE);
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Expires is not a number.");
        }
        if (rules.time().now().isAfter(Instant.ofEpochSecond(expiresAt))) {
            throw new OssException(OssErrorCode.REQUEST_EXPIRED, OssErrorCode.REQUEST_EXPIRED.message,
                    Map.of("Expires", expires, "ServerTime", rules.time().now().toString()));
        }
        Authentication auth = rules.credentials().resolve(accessKeyId, request.param("security-token"));
        check(request, expires, accessKeyId, provided);
        return auth;
    }

    private void check(OssRequest request, String dateLine, String accessKeyId, String provided) {
        String resource = V1Signature.canonicalResource(request.bucket().name(), request.key(), request.query());
        String stringToSign = V1Signature.stringToSign(request.method(), request.headers(), dateLine, resource);
        String expected = V1Signature.sign(rules.credentials().secretFor(accessKeyId), stringToSign);
        SignatureCheck.require(expected, provided, stringToSign, accessKeyId, Map.of());
    }
}
