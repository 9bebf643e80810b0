package io.stsvend.cloudbox.oss;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies the signature of a PostObject form (spec §5.3); the signed string is the Base64 {@code policy} field as
 * sent. V1: {@code OSSAccessKeyId}, {@code policy}, {@code Signature = Base64(HMAC-SHA1(secret, policy))}. V4:
 * {@code x-oss-signature-version=OSS4-HMAC-SHA256}, {@code x-oss-credential}, {@code x-oss-date} (at most 15 minutes
 * ahead of the emulator clock, valid 7 days, same date as the credential), {@code x-oss-signature =
 * hex(HMAC-SHA256(V4 signing key, policy))}. The STS token travels in {@code x-oss-security-token} and is checked
 * exactly as for header-signed requests. A form without any signature field is anonymous and refused (every
 * emulated bucket is private).
 */
final class PostSignature {

    private static final Duration MAX_V4_VALIDITY = Duration.ofDays(7);

    private final SigningRules rules;

    PostSignature(SigningRules rules) {
        this.rules = rules;
    }

    /** @throws OssException for anonymous, incomplete, expired or mismatching signatures and bad tokens */
    Authentication verify(MultipartForm form) {
        boolean v1 = form.field("OSSAccessKeyId") != null || form.field("Signature") != null;
        boolean v4 = form.field("x-oss-signature") != null || form.field("x-oss-credential") != null
                || form.field("x-oss-signature-version") != null;
        if (v1 && v4) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT,
                    "Only one authentication method may be used per request.");
        }
        if (v4) {
            return verifyV4(form);
        }
        if (v1) {
            return verifyV1(form);
        }
        throw new OssException(OssErrorCode.ANONYMOUS_DENIED);
    }

    private Authentication verifyV1(MultipartForm form) {
        String accessKeyId = required(form, "OSSAccessKeyId");
        String policy = required(form, "policy");
        String provided = required(form, "Signature");
        Authentication auth = rules.credentials().resolve(accessKeyId, form.field("x-oss-security-token"));
        SignatureCheck.require(V1Signature.sign(rules.credentials().secretFor(accessKeyId), policy), provided, policy,
                accessKeyId, Map.of());
        return auth;
    }

    private Authentication verifyV4(MultipartForm form) {
        if (!V4Signature.ALGORITHM.equals(form.field("x-oss-signature-version"))) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT,
                    "x-oss-signature-version must be " + V4Signature.ALGORITHM + ".");
        }
        String credentialField = required(form, "x-oss-credential");
        String dateTime = required(form, "x-oss-date");
        String policy = required(form, "policy");
        String provided = required(form, "x-oss-signature");
        Instant signedAt = SigningTime.parseV4(dateTime);
        V4Credential credential = V4Credential.parse(credentialField, rules.region(), dateTime);
        if (signedAt.isAfter(rules.time().now().plus(OssSettings.MAX_SKEW))) {
            rules.time().requireWithinSkew(signedAt);
        }
        if (rules.time().now().isAfter(signedAt.plus(MAX_V4_VALIDITY))) {
            throw new OssException(OssErrorCode.REQUEST_EXPIRED);
        }
        Authentication auth = rules.credentials().resolve(credential.accessKeyId(), form.field("x-oss-security-token"));
        String expected = V4Signature.sign(rules.credentials().secretFor(credential.accessKeyId()), credential.date(),
                credential.region(), policy);
        SignatureCheck.require(expected, provided.toLowerCase(Locale.ROOT), policy, credential.accessKeyId(),
                Map.of());
        return auth;
    }

    /** If any signature field is present, all of its version's fields are required (spec §5.3). */
    private static String required(MultipartForm form, String name) {
        String value = form.field(name);
        if (value == null || value.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The " + name + " form field is required.");
        }
        return value;
    }
}
