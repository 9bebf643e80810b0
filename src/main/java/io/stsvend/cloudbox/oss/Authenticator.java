package io.stsvend.cloudbox.oss;

/**
 * Chooses how a request is authenticated (V1 or V4, header or presigned URL) and delegates to the verifier.
 * Anonymous requests are refused: every emulated bucket is private. Mixing header and URL signatures is refused.
 */
final class Authenticator {

    private final V1Verifier v1;
    private final V4Verifier v4;

    Authenticator(SigningRules rules) {
        this.v1 = new V1Verifier(rules);
        this.v4 = new V4Verifier(rules);
    }

    /** @throws OssException when the request is anonymous, malformed, expired, or its signature or token fails */
    Authentication authenticate(OssRequest request) {
        String authorization = request.header("Authorization");
        boolean v1Query = request.has("OSSAccessKeyId") || request.has("Signature");
        boolean v4Query = request.has("x-oss-signature") || request.has("x-oss-credential");
        if (authorization != null && (v1Query || v4Query) || v1Query && v4Query) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT,
                    "Only one authentication method may be used per request.");
        }
        if (authorization != null) {
            if (authorization.startsWith(V4Signature.ALGORITHM + " ")) {
                return v4.verifyHeader(request, authorization);
            }
            if (authorization.startsWith("OSS ")) {
                return v1.verifyHeader(request, authorization);
            }
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Authorization header is invalid.");
        }
        if (v4Query) {
            return v4.verifyPresigned(request);
        }
        if (v1Query || request.has("Expires")) {
            return v1.verifyPresigned(request);
        }
        throw new OssException(OssErrorCode.ANONYMOUS_DENIED);
    }
}
