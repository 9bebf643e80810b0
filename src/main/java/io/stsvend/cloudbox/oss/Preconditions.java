package io.stsvend.cloudbox.oss;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * GetObject/HeadObject preconditions as OSS (and HTTP) define them: {@code If-Match} or else
 * {@code If-Unmodified-Since} failing is 412 PreconditionFailed; {@code If-None-Match} or else
 * {@code If-Modified-Since} holding is 304 Not Modified. ETags compare without quotes ({@code *} matches any);
 * dates at second precision, an unparseable date is ignored.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * @return whether the answer is 304 Not Modified
     * @throws OssException 412 PreconditionFailed
     */
    static boolean notModified(OssRequest request, StoredObject object) {
        Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = request.header("If-Match");
        Instant unmodifiedSince = date(request.header("If-Unmodified-Since"));
        boolean failed = ifMatch != null ? !matches(ifMatch, object)
                : unmodifiedSince != null && modified.isAfter(unmodifiedSince);
        if (failed) {
            throw new OssException(OssErrorCode.PRECONDITION_FAILED);
        }
        String ifNoneMatch = request.header("If-None-Match");
        Instant modifiedSince = date(request.header("If-Modified-Since"));
        return ifNoneMatch != null ? matches(ifNoneMatch, object)
                : modifiedSince != null && !modified.isAfter(modifiedSince);
    }

    private static boolean matches(String header, StoredObject object) {
        return Arrays.stream(header.split(",")).map(String::trim).map(tag -> tag.replace("\"", ""))
                .anyMatch(tag -> tag.equals("*") || tag.equalsIgnoreCase(object.etag()));
    }

    private static Instant date(String header) {
        if (header == null) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.trim(), Instant::from);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
