package io.stsvend.cloudbox.oss;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * In-progress multipart uploads, in memory only (an emulator restart aborts them). Completing validates the part list
 * as OSS does (ascending part numbers, known ETags, every part but the last at least 100 KB) and builds the object
 * with OSS's multipart ETag: upper-case hex MD5 of the concatenated binary part MD5s, then {@code -<part count>}.
 * The total size of an upload is bounded by the maximum object size. Thread-safe.
 */
final class MultipartUploads {

    static final long MIN_PART_SIZE = 100 * 1024;
    static final int MAX_PART_NUMBER = 10000;

    record Part(int number, byte[] data, String etag, long crc64, Instant lastModified) {
    }

    record Upload(String id, String bucket, String key, String contentType, Map<String, String> userMetadata,
                  Instant initiated, NavigableMap<Integer, Part> parts) {
    }

    /** One {@code <Part>} of a CompleteMultipartUpload body. */
    record PartReference(int number, String etag) {
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long maxObjectSize;

    MultipartUploads(long maxObjectSize) {
        this.maxObjectSize = maxObjectSize;
    }

    Upload initiate(String bucket, String key, String contentType, Map<String, String> userMetadata, Instant now) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Upload upload = new Upload(HexFormat.of().withUpperCase().formatHex(id), bucket, key, contentType,
                Map.copyOf(userMetadata), now, new ConcurrentSkipListMap<>());
        uploads.put(upload.id(), upload);
        return upload;
    }

    /** @throws OssException NoSuchUpload unless the id names an open upload of exactly this bucket and key */
    Upload require(String bucket, String key, String uploadId) {
        Upload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null || !upload.bucket().equals(bucket) || !upload.key().equals(key)) {
            throw new OssException(OssErrorCode.NO_SUCH_UPLOAD, OssErrorCode.NO_SUCH_UPLOAD.message,
                    Map.of("UploadId", uploadId == null ? "" : uploadId));
        }
        return upload;
    }

    Part putPart(Upload upload, int number, byte[] data, Instant now) {
        if (number < 1 || number > MAX_PART_NUMBER) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000.");
        }
        long others = upload.parts().values().stream().filter(p -> p.number() != number)
                .mapToLong(p -> p.data().length).sum();
        if (others + data.length > maxObjectSize) {
            throw new OssException(OssErrorCode.ENTITY_TOO_LARGE);
        }
        Part part = new Part(number, data, StoredObject.md5Hex(data), Crc64.of(data), now);
        upload.parts().put(number, part);
        return part;
    }

    StoredObject complete(Upload upload, List<PartReference> requested, Instant now) {
        if (requested.isEmpty()) {
            throw new OssException(OssErrorCode.MALFORMED_XML);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        requireAscending(requested);
        for (int i = 0; i < requested.size(); i++) {
            PartReference ref = requested.get(i);
            Part part = upload.parts().get(ref.number());
            if (part == null || !part.etag().equalsIgnoreCase(ref.etag().replace("\"", "").trim())) {
                throw new OssException(OssErrorCode.INVALID_PART, OssErrorCode.INVALID_PART.message,
                        Map.of("PartNumber", String.valueOf(ref.number())));
            }
            if (i < requested.size() - 1 && part.data().length < MIN_PART_SIZE) {
                throw new OssException(OssErrorCode.ENTITY_TOO_SMALL, OssErrorCode.ENTITY_TOO_SMALL.message,
                        Map.of("PartNumber", String.valueOf(ref.number())));
            }
            content.writeBytes(part.data());
            md5s.writeBytes(HexFormat.of().parseHex(part.etag()));
        }
        if (!uploads.remove(upload.id(), upload)) {
            throw new OssException(OssErrorCode.NO_SUCH_UPLOAD);
        }
        byte[] data = content.toByteArray();
        String etag = StoredObject.md5Hex(md5s.toByteArray()) + "-" + requested.size();
        return new StoredObject(upload.key(), data, etag, Crc64.of(data), upload.contentType(),
                upload.userMetadata(), now, true);
    }

    /** The whole list is checked first: order is a property of the request, not of any one part. */
    private static void requireAscending(List<PartReference> requested) {
        int previous = 0;
        for (PartReference ref : requested) {
            if (ref.number() <= previous) {
                throw new OssException(OssErrorCode.INVALID_PART_ORDER);
            }
            previous = ref.number();
        }
    }

    void abort(Upload upload) {
        uploads.remove(upload.id(), upload);
    }
}
