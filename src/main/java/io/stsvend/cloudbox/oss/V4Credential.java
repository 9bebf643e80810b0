package io.stsvend.cloudbox.oss;

/**
 * The {@code Credential} of a V4 signature: {@code <AccessKeyId>/<yyyyMMdd>/<region>/oss/aliyun_v4_request}.
 */
record V4Credential(String accessKeyId, String date, String region) {

    /**
     * @throws OssException InvalidArgument when malformed, scoped to another region or product, or when its date is
     *                      not the date of the signing time
     */
    static V4Credential parse(String credential, String expectedRegion, String signingDateTime) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || !parts[3].equals("oss")
                || !parts[4].equals(V4Signature.TERMINATOR)) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Invalid credential in Authorization.");
        }
        if (!parts[2].equals(expectedRegion)) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Invalid signing region in Authorization.");
        }
        if (signingDateTime == null || !signingDateTime.startsWith(parts[1]) || parts[1].length() != 8) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Invalid signing date in Authorization.");
        }
        return new V4Credential(parts[0], parts[1], parts[2]);
    }

    String scope() {
        return V4Signature.scope(date, region);
    }
}
