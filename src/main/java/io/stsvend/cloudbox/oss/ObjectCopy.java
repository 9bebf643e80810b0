package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * CopyObject: {@code PUT} with {@code x-oss-copy-source: /<bucket>/<url-encoded key>}. Authorized as PutObject on the
 * target (by the pipeline) and GetObject on the source ({@link #authorizeSource}, before any body), as OSS does.
 * {@code x-oss-metadata-directive} {@code COPY} (default) keeps the source's Content-Type and user metadata,
 * {@code REPLACE} takes them from the request; {@code x-oss-forbid-overwrite: true} refuses an existing target. The
 * answer is OSS's {@code CopyObjectResult}. Conditional copies and versioned sources are not emulated
 * ({@link OssOperation} answers them NotImplemented).
 */
final class ObjectCopy {

    static final String SOURCE_HEADER = "x-oss-copy-source";

    private final Map<String, OssBucket> buckets;
    private final AccessCheck access;
    private final ObjectStore store;
    private final Clock clock;

    ObjectCopy(Map<String, OssBucket> buckets, AccessCheck access, ObjectStore store, Clock clock) {
        this.buckets = buckets;
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    /** For a CopyObject: the source bucket exists and the caller may GetObject the source key. */
    void authorizeSource(OssRequest request, OssOperation operation, Authentication auth) {
        if (operation == OssOperation.COPY_OBJECT) {
            access.require(source(request), OssOperation.GET_OBJECT, auth, clock.instant());
        }
    }

    Future<OssResponse> execute(OssRequest request) {
        OssRequest source = source(request);
        StoredObject original = store.get(source.bucket().name(), source.key()).orElseThrow(() -> new OssException(
                OssErrorCode.NO_SUCH_KEY, OssErrorCode.NO_SUCH_KEY.message, Map.of("Key", source.key())));
        String directive = request.headerOrEmpty("x-oss-metadata-directive").toUpperCase(Locale.ROOT);
        boolean replace = directive.equals("REPLACE");
        if (!replace && !directive.isEmpty() && !directive.equals("COPY")) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "x-oss-metadata-directive must be COPY or REPLACE.");
        }
        ObjectOperations.refuseOverwrite(store, request);
        StoredObject copy = new StoredObject(request.key(), original.content(), original.etag(), original.crc64(),
                replace ? ObjectOperations.contentType(request) : original.contentType(),
                replace ? ObjectOperations.userMetadata(request) : original.userMetadata(), clock.instant(),
                original.multipart());
        return store.put(request.bucket().name(), copy).map(v -> OssResponse.xml(200, new XmlBuilder()
                        .start("CopyObjectResult").element("ETag", copy.quotedEtag())
                        .element("LastModified", HttpDates.iso8601(copy.lastModified())).end().toString())
                .header("ETag", copy.quotedEtag()).header("x-oss-hash-crc64ecma", Long.toUnsignedString(copy.crc64())));
    }

    /** The source as a request of its own (the caller's headers and address, the source's bucket and key). */
    private OssRequest source(OssRequest request) {
        String value = request.headerOrEmpty(SOURCE_HEADER);
        if (value.contains("?")) {
            // ?versionId=: versioning is not emulated.
            throw new OssException(OssErrorCode.NOT_IMPLEMENTED);
        }
        String path = value.startsWith("/") ? value.substring(1) : value;
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "x-oss-copy-source must be /<bucket>/<object>.");
        }
        String bucketName = UriEncoding.decode(path.substring(0, slash));
        OssBucket bucket = buckets.get(bucketName);
        if (bucket == null) {
            throw new OssException(OssErrorCode.NO_SUCH_BUCKET, OssErrorCode.NO_SUCH_BUCKET.message,
                    Map.of("BucketName", bucketName));
        }
        return new OssRequest("GET", bucket, UriEncoding.decode(path.substring(slash + 1)), Map.of(),
                request.headers(), request.host(), request.sourceIp(), request.secure(), request.body());
    }
}
