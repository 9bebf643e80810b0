package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PostObject (spec §5): a browser form upload, {@code POST} to the bucket ({@code /} virtual-hosted,
 * {@code /<bucket>} or {@code /<bucket>/} path style) with a {@code multipart/form-data} body. In order: the form is
 * parsed, the form signature and STS token are verified ({@link PostSignature}), the policy's expiration and
 * conditions are enforced ({@link PostPolicy}), {@code oss:PutObject} on the object named by the {@code key} field is
 * authorized, a {@code callback} field (with {@code x:} fields as variables) is validated, and the object is stored.
 * Authorization headers and URL signatures are ignored, as OSS ignores them for PostObject.
 *
 * <p>Response: with a callback, the callback's outcome ({@link CallbackClient}); else 303 to
 * {@code success_action_redirect} (with {@code bucket}, {@code key} and {@code etag} appended to its query, as S3
 * does; OSS's exact redirect query is not documented); else {@code success_action_status} 200 or 204 (empty) or 201
 * (XML {@code PostResponse}); anything else 204. Content-Type precedence: {@code x-oss-content-type} field, then
 * {@code Content-Type} field, then the file part's Content-Type, then {@code application/octet-stream}.
 */
final class PostObjectOperation {

    private final PostSignature signature;
    private final AccessCheck access;
    private final ObjectStore store;
    private final CallbackClient callbacks;
    private final Clock clock;

    PostObjectOperation(PostSignature signature, AccessCheck access, ObjectStore store, CallbackClient callbacks,
                        Clock clock) {
        this.signature = signature;
        this.access = access;
        this.store = store;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** A form POST to the bucket itself; any other POST keeps its usual meaning. */
    static boolean applies(OssRequest request) {
        return request.method().equals("POST") && !request.isObjectRequest() && request.query().isEmpty()
                && request.headerOrEmpty("Content-Type").toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * What can be checked before the file arrives, so an unsigned or unauthorized form is refused before its body
     * is buffered: the {@code key} field, the form signature and token, and PutObject on the key.
     */
    void admit(OssRequest request, Map<String, String> fields) {
        String key = fields.get("key");
        if (key == null || key.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The key form field is required.");
        }
        Authentication auth = signature.verify(MultipartForm.fieldsOnly(fields));
        access.require(target(request, key), OssOperation.PUT_OBJECT, auth, clock.instant());
    }

    Future<OssResponse> execute(OssRequest request) {
        MultipartForm form = MultipartForm.parse(request.header("Content-Type"), request.body().getBytes());
        String key = form.field("key");
        if (key == null || key.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The key form field is required.");
        }
        Authentication auth = signature.verify(form);
        Instant now = clock.instant();
        PostPolicy.decode(form.field("policy")).check(now, form.fields(), request.bucket().name(),
                form.file().length);
        OssRequest target = target(request, key);
        access.require(target, OssOperation.PUT_OBJECT, auth, now);
        Optional<CallbackParameters> callback = Optional.ofNullable(form.field("callback"))
                .map(c -> CallbackParameters.parse(c, form.fields()));
        StoredObject object = store(target, form, now);
        String bucket = request.bucket().name();
        return store.put(bucket, object).compose(v -> callback.isPresent()
                ? callbacks.deliver(callback.get(), bucket, object)
                : Future.succeededFuture(respond(form, target, object)));
    }

    private static OssRequest target(OssRequest request, String key) {
        return new OssRequest(request.method(), request.bucket(), key, request.query(), request.headers(),
                request.host(), request.sourceIp(), request.secure(), request.body());
    }

    private StoredObject store(OssRequest target, MultipartForm form, Instant now) {
        String bucket = target.bucket().name();
        if ("true".equalsIgnoreCase(form.field("x-oss-forbid-overwrite"))
                && store.get(bucket, target.key()).isPresent()) {
            throw new OssException(OssErrorCode.FILE_ALREADY_EXISTS);
        }
        byte[] content = form.file();
        String contentMd5 = form.field("Content-MD5");
        if (contentMd5 != null
                && !contentMd5.trim().equals(Base64.getEncoder().encodeToString(StoredObject.md5(content)))) {
            throw new OssException(OssErrorCode.INVALID_DIGEST);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        form.fields().forEach((name, value) -> {
            if (name.startsWith("x-oss-meta-")) {
                metadata.put(name, value.trim());
            }
        });
        return StoredObject.simple(target.key(), content, contentType(form), metadata, now);
    }

    private static String contentType(MultipartForm form) {
        for (String candidate : new String[] {form.field("x-oss-content-type"), form.field("Content-Type"),
                form.fileContentType()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return ObjectOperations.DEFAULT_CONTENT_TYPE;
    }

    private static OssResponse respond(MultipartForm form, OssRequest target, StoredObject object) {
        String redirect = form.field("success_action_redirect");
        String status = form.field("success_action_status");
        OssResponse response;
        if (redirect != null && !redirect.isBlank()) {
            response = OssResponse.status(303).header("Location", redirect + (redirect.contains("?") ? "&" : "?")
                    + "bucket=" + encode(target.bucket().name()) + "&key=" + encode(object.key())
                    + "&etag=" + encode(object.quotedEtag()));
        } else if ("201".equals(status)) {
            String location = "http://" + target.host() + "/" + target.bucket().name() + "/"
                    + UriEncoding.encode(object.key(), true);
            response = OssResponse.xml(201, new XmlBuilder().start("PostResponse")
                    .element("Bucket", target.bucket().name()).element("Location", location)
                    .element("Key", object.key()).element("ETag", object.quotedEtag()).end().toString());
        } else {
            response = OssResponse.status("200".equals(status) ? 200 : 204);
        }
        return response.header("ETag", object.quotedEtag())
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(object.crc64()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
