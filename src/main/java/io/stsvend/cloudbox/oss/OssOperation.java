package io.stsvend.cloudbox.oss;

/**
 * The OSS operations the emulator implements, each with the RAM action it is authorized as (spec §3.3) and whether
 * the resource is the object or the bucket.
 */
enum OssOperation {
    PUT_OBJECT("oss:PutObject", true),
    /** Also needs oss:GetObject on the source, checked by {@link ObjectCopy}. */
    COPY_OBJECT("oss:PutObject", true),
    GET_OBJECT("oss:GetObject", true),
    HEAD_OBJECT("oss:GetObject", true),
    GET_OBJECT_META("oss:GetObject", true),
    DELETE_OBJECT("oss:DeleteObject", true),
    INITIATE_MULTIPART_UPLOAD("oss:PutObject", true),
    UPLOAD_PART("oss:PutObject", true),
    COMPLETE_MULTIPART_UPLOAD("oss:PutObject", true),
    ABORT_MULTIPART_UPLOAD("oss:AbortMultipartUpload", true),
    LIST_PARTS("oss:ListParts", true),
    LIST_OBJECTS("oss:ListObjects", false),
    LIST_OBJECTS_V2("oss:ListObjects", false),
    GET_BUCKET_INFO("oss:GetBucketInfo", false);

    private static final java.util.List<String> COPY_SOURCE_CONDITIONS = java.util.List.of(
            "x-oss-copy-source-if-match", "x-oss-copy-source-if-none-match", "x-oss-copy-source-if-unmodified-since",
            "x-oss-copy-source-if-modified-since", "x-oss-copy-source-range");
    private static final java.util.List<String> UNEMULATED_PUT_HEADERS = java.util.List.of("x-oss-tagging",
            "x-oss-server-side-encryption", "x-oss-symlink-target");

    final String action;
    final boolean objectLevel;

    OssOperation(String action, boolean objectLevel) {
        this.action = action;
        this.objectLevel = objectLevel;
    }

    /** @throws OssException NotImplemented for anything else (ACLs, tagging, versions, ListMultipartUploads …) */
    static OssOperation of(OssRequest request) {
        OssOperation operation = request.isObjectRequest() ? objectOperation(request) : bucketOperation(request);
        if (operation == null) {
            throw new OssException(OssErrorCode.NOT_IMPLEMENTED);
        }
        return operation;
    }

    private static OssOperation objectOperation(OssRequest request) {
        boolean upload = request.has("uploadId");
        return switch (request.method()) {
            case "PUT" -> put(request, upload);
            case "GET" -> upload ? LIST_PARTS : plain(request, GET_OBJECT);
            case "HEAD" -> request.has("objectMeta") ? GET_OBJECT_META : plain(request, HEAD_OBJECT);
            case "DELETE" -> upload ? ABORT_MULTIPART_UPLOAD : plain(request, DELETE_OBJECT);
            case "POST" -> request.has("uploads") ? INITIATE_MULTIPART_UPLOAD
                    : upload ? COMPLETE_MULTIPART_UPLOAD : null;
            default -> null;
        };
    }

    /**
     * A PUT is a copy when it names a copy source; UploadPartCopy, conditional copies and headers that would make
     * the object public or tag it are not emulated, so they are not mistaken for a plain upload.
     */
    private static OssOperation put(OssRequest request, boolean upload) {
        boolean copy = request.header(ObjectCopy.SOURCE_HEADER) != null;
        if (upload) {
            return request.has("partNumber") && !copy ? UPLOAD_PART : null;
        }
        if (UNEMULATED_PUT_HEADERS.stream().anyMatch(h -> request.header(h) != null)) {
            return null;
        }
        String storageClass = request.headerOrEmpty("x-oss-storage-class");
        if (!storageClass.isEmpty() && !storageClass.equalsIgnoreCase("Standard")) {
            // IA, Archive, ColdArchive...: reads would need restores and minimum durations that are not emulated.
            return null;
        }
        String acl = request.headerOrEmpty("x-oss-object-acl");
        if (!acl.isEmpty() && !acl.equals("private") && !acl.equals("default")) {
            return null;
        }
        if (copy) {
            return COPY_SOURCE_CONDITIONS.stream().anyMatch(h -> request.header(h) != null) ? null
                    : plain(request, COPY_OBJECT);
        }
        return plain(request, PUT_OBJECT);
    }

    private static OssOperation bucketOperation(OssRequest request) {
        if (!request.method().equals("GET")) {
            return null;
        }
        if (request.has("bucketInfo")) {
            return GET_BUCKET_INFO;
        }
        return plain(request, "2".equals(request.param("list-type")) ? LIST_OBJECTS_V2 : LIST_OBJECTS);
    }

    /**
     * The plain form of an operation only when no other sub-resource (acl, tagging, uploads, …) is asked for, so
     * e.g. {@code GET ?acl} is not silently served as GetObject. Response overrides are allowed on GET, a
     * query-string callback on PUT.
     */
    private static OssOperation plain(OssRequest request, OssOperation operation) {
        for (String name : request.query().keySet()) {
            if (V1Signature.SIGNED_SUBRESOURCES.contains(name) && !name.equals("security-token")
                    && !name.startsWith("response-") && !name.equals("continuation-token")
                    && !(operation == PUT_OBJECT && (name.equals("callback") || name.equals("callback-var")))) {
                return null;
            }
        }
        return operation;
    }
}
