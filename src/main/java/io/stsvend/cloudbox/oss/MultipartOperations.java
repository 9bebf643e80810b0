package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;

import java.time.Clock;
import java.util.Map;

/** InitiateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload and ListParts. */
final class MultipartOperations {

    private final MultipartUploads uploads;
    private final ObjectStore store;
    private final Clock clock;

    MultipartOperations(MultipartUploads uploads, ObjectStore store, Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
    }

    Future<OssResponse> initiate(OssRequest request) {
        MultipartUploads.Upload upload = uploads.initiate(request.bucket().name(), request.key(),
                ObjectOperations.contentType(request), ObjectOperations.userMetadata(request), clock.instant());
        boolean url = ListingXml.urlEncoding(request);
        return Future.succeededFuture(OssResponse.xml(200, new XmlBuilder().start("InitiateMultipartUploadResult")
                .element("Bucket", upload.bucket()).element("Key", ListingXml.encode(upload.key(), url))
                .element("UploadId", upload.id()).element("EncodingType", url ? "url" : null).end().toString()));
    }

    Future<OssResponse> uploadPart(OssRequest request) {
        int number = partNumber(request.param("partNumber"));
        MultipartUploads.Upload upload = require(request);
        MultipartUploads.Part part = uploads.putPart(upload, number, request.body().getBytes(), clock.instant());
        return Future.succeededFuture(OssResponse.status(200).header("ETag", "\"" + part.etag() + "\"")
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(part.crc64())));
    }

    Future<OssResponse> complete(OssRequest request) {
        MultipartUploads.Upload upload = require(request);
        StoredObject object = uploads.complete(upload, CompleteMultipartBody.parse(request.body().getBytes()),
                clock.instant());
        boolean url = ListingXml.urlEncoding(request);
        String location = "http://" + request.host() + "/" + request.bucket().name() + "/"
                + UriEncoding.encode(object.key(), true);
        return store.put(request.bucket().name(), object).map(v -> OssResponse.xml(200, new XmlBuilder()
                        .start("CompleteMultipartUploadResult").element("EncodingType", url ? "url" : null)
                        .element("Location", location).element("Bucket", request.bucket().name())
                        .element("Key", ListingXml.encode(object.key(), url)).element("ETag", object.quotedEtag())
                        .end().toString())
                .header("ETag", object.quotedEtag())
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(object.crc64())).stored(object));
    }

    Future<OssResponse> abort(OssRequest request) {
        uploads.abort(require(request));
        return Future.succeededFuture(OssResponse.status(204));
    }

    Future<OssResponse> listParts(OssRequest request) {
        MultipartUploads.Upload upload = require(request);
        int maxParts = request.has("max-parts") ? boundedInt(request.param("max-parts"), 1, 1000) : 1000;
        int marker = request.has("part-number-marker")
                ? boundedInt(request.param("part-number-marker"), 0, MultipartUploads.MAX_PART_NUMBER) : 0;
        XmlBuilder xml = new XmlBuilder().start("ListPartsResult").element("Bucket", upload.bucket())
                .element("Key", upload.key()).element("UploadId", upload.id())
                .element("StorageClass", "Standard").element("PartNumberMarker", marker)
                .element("MaxParts", maxParts);
        int listed = 0;
        int next = marker;
        boolean truncated = false;
        for (MultipartUploads.Part part : upload.parts().tailMap(marker, false).values()) {
            if (listed == maxParts) {
                truncated = true;
                break;
            }
            xml.start("Part").element("PartNumber", part.number())
                    .element("LastModified", HttpDates.iso8601(part.lastModified()))
                    .element("ETag", "\"" + part.etag() + "\"")
                    .element("HashCrc64ecma", Long.toUnsignedString(part.crc64()))
                    .element("Size", part.data().length).end();
            listed++;
            next = part.number();
        }
        xml.element("NextPartNumberMarker", next).element("IsTruncated", truncated).end();
        return Future.succeededFuture(OssResponse.xml(200, xml.toString()));
    }

    private MultipartUploads.Upload require(OssRequest request) {
        return uploads.require(request.bucket().name(), request.key(), request.param("uploadId"));
    }

    private static int partNumber(String value) {
        return boundedInt(value, 1, MultipartUploads.MAX_PART_NUMBER);
    }

    private static int boundedInt(String value, int min, int max) {
        return (int) BoundedNumber.parse(value, min, max).orElseThrow(() -> new OssException(
                OssErrorCode.INVALID_ARGUMENT, "Invalid integer argument.", Map.of("ArgumentValue", String.valueOf(value))));
    }
}
