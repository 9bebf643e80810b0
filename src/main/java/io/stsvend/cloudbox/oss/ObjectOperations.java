package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PutObject, GetObject (with Range) and HeadObject (both with {@link Preconditions}), GetObjectMeta and DeleteObject.
 */
final class ObjectOperations {

    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final Map<String, String> RESPONSE_OVERRIDES = Map.of(
            "response-content-type", "Content-Type", "response-content-disposition", "Content-Disposition",
            "response-cache-control", "Cache-Control", "response-content-encoding", "Content-Encoding",
            "response-content-language", "Content-Language", "response-expires", "Expires");

    private final ObjectStore store;
    private final Clock clock;

    ObjectOperations(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Future<OssResponse> put(OssRequest request) {
        byte[] content = request.body().getBytes();
        String contentMd5 = request.header("Content-MD5");
        byte[] md5 = StoredObject.md5(content);
        if (contentMd5 != null && !contentMd5.trim().equals(Base64.getEncoder().encodeToString(md5))) {
            throw new OssException(OssErrorCode.INVALID_DIGEST);
        }
        refuseOverwrite(store, request);
        StoredObject object = StoredObject.simple(request.key(), content, contentType(request),
                userMetadata(request), clock.instant());
        return store.put(request.bucket().name(), object).map(v -> OssResponse.status(200)
                .header("ETag", object.quotedEtag())
                .header("Content-MD5", Base64.getEncoder().encodeToString(md5))
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(object.crc64())).stored(object));
    }

    Future<OssResponse> get(OssRequest request) {
        StoredObject object = require(request);
        if (Preconditions.notModified(request, object)) {
            return Future.succeededFuture(notModified(object));
        }
        ByteRange range = ByteRange.parse(request.header("Range"), object.size());
        OssResponse response = describe(OssResponse.status(range == null ? 200 : 206), object);
        RESPONSE_OVERRIDES.forEach((param, header) -> response.header(header, request.param(param)));
        if (range == null) {
            return Future.succeededFuture(response.body(Buffer.buffer(object.content())));
        }
        return Future.succeededFuture(response
                .header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + object.size())
                .body(Buffer.buffer(object.content()).slice((int) range.first(), (int) range.last() + 1)));
    }

    /** HEAD: the object's headers and its full Content-Length, no body. */
    Future<OssResponse> head(OssRequest request) {
        StoredObject object = require(request);
        if (Preconditions.notModified(request, object)) {
            return Future.succeededFuture(notModified(object));
        }
        return Future.succeededFuture(describe(OssResponse.status(200), object)
                .header("Content-Length", String.valueOf(object.size())));
    }

    /** HEAD ?objectMeta: only ETag, size, Last-Modified (and CRC). */
    Future<OssResponse> meta(OssRequest request) {
        StoredObject object = require(request);
        return Future.succeededFuture(OssResponse.status(200).header("ETag", object.quotedEtag())
                .header("Content-Length", String.valueOf(object.size()))
                .header("Last-Modified", HttpDates.rfc1123(object.lastModified()))
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(object.crc64())));
    }

    Future<OssResponse> delete(OssRequest request) {
        return store.delete(request.bucket().name(), request.key()).map(v -> OssResponse.status(204));
    }

    /** {@code x-oss-forbid-overwrite: true} and the target exists: 409 FileAlreadyExists. */
    static void refuseOverwrite(ObjectStore store, OssRequest request) {
        if ("true".equalsIgnoreCase(request.headerOrEmpty("x-oss-forbid-overwrite"))
                && store.get(request.bucket().name(), request.key()).isPresent()) {
            throw new OssException(OssErrorCode.FILE_ALREADY_EXISTS);
        }
    }

    static String contentType(OssRequest request) {
        String type = request.header("Content-Type");
        return type == null || type.isBlank() ? DEFAULT_CONTENT_TYPE : type.trim();
    }

    static Map<String, String> userMetadata(OssRequest request) {
        Map<String, String> metadata = new HashMap<>();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-meta-")) {
                metadata.putIfAbsent(name, header.getValue().trim());
            }
        });
        return metadata;
    }

    private StoredObject require(OssRequest request) {
        return store.get(request.bucket().name(), request.key()).orElseThrow(() -> new OssException(
                OssErrorCode.NO_SUCH_KEY, OssErrorCode.NO_SUCH_KEY.message, Map.of("Key", request.key())));
    }

    private static OssResponse notModified(StoredObject object) {
        return OssResponse.status(304).header("ETag", object.quotedEtag())
                .header("Last-Modified", HttpDates.rfc1123(object.lastModified()));
    }

    private static OssResponse describe(OssResponse response, StoredObject object) {
        response.header("Content-Type", object.contentType())
                .header("ETag", object.quotedEtag())
                .header("Last-Modified", HttpDates.rfc1123(object.lastModified()))
                .header("Accept-Ranges", "bytes")
                .header("x-oss-object-type", object.multipart() ? "Multipart" : "Normal")
                .header("x-oss-storage-class", "Standard")
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(object.crc64()));
        object.userMetadata().forEach(response::header);
        return response;
    }
}
