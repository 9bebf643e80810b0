package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;

/** Routes an authorized request to the code that performs its operation. */
final class Operations {

    private final ObjectOperations objects;
    private final MultipartOperations multipart;
    private final BucketOperations buckets;
    private final ObjectCopy copies;

    Operations(ObjectOperations objects, MultipartOperations multipart, BucketOperations buckets, ObjectCopy copies) {
        this.objects = objects;
        this.copies = copies;
        this.multipart = multipart;
        this.buckets = buckets;
    }

    Future<OssResponse> execute(OssOperation operation, OssRequest request) {
        return switch (operation) {
            case PUT_OBJECT -> objects.put(request);
            case COPY_OBJECT -> copies.execute(request);
            case GET_OBJECT -> objects.get(request);
            case HEAD_OBJECT -> objects.head(request);
            case GET_OBJECT_META -> objects.meta(request);
            case DELETE_OBJECT -> objects.delete(request);
            case INITIATE_MULTIPART_UPLOAD -> multipart.initiate(request);
            case UPLOAD_PART -> multipart.uploadPart(request);
            case COMPLETE_MULTIPART_UPLOAD -> multipart.complete(request);
            case ABORT_MULTIPART_UPLOAD -> multipart.abort(request);
            case LIST_PARTS -> multipart.listParts(request);
            case LIST_OBJECTS -> buckets.listV1(request);
            case LIST_OBJECTS_V2 -> buckets.listV2(request);
            case GET_BUCKET_INFO -> buckets.info(request);
        };
    }
}
