package io.stsvend.cloudbox.oss;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The parameters of ListObjectsV2. The continuation token is the last listed entry, Base64url-encoded (opaque to
 * clients, safe in URLs and XML); it takes precedence over {@code start-after}.
 */
record ListV2Parameters(String prefix, String delimiter, String startAfter, String continuationToken, int maxKeys) {

    static ListV2Parameters of(OssRequest request) {
        return new ListV2Parameters(request.param("prefix"), request.param("delimiter"), request.param("start-after"),
                request.param("continuation-token"), ObjectListing.maxKeys(request.param("max-keys")));
    }

    /** Where the listing resumes: the decoded token, else start-after, else the beginning. */
    String marker() {
        if (continuationToken != null) {
            try {
                return new String(Base64.getUrlDecoder().decode(continuationToken), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The continuation-token is invalid.");
            }
        }
        return startAfter == null ? "" : startAfter;
    }

    static String token(String lastEntry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEntry.getBytes(StandardCharsets.UTF_8));
    }
}
