package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * The per-request steps. On the headers alone ({@link #admit}): address → authenticate → resolve operation →
 * authorize (for a copy, the source too); then, once the body is read ({@link #execute}): validate any upload callback
 * → execute → deliver the callback. PostObject form uploads authenticate by their form
 * fields instead ({@link PostObjectOperation}); {@code GET} {@link CallbackKeys#PUBLIC_KEY_PATH} (not virtual-hosted)
 * answers the callback public key, anonymously. Any {@link OssException} becomes the matching OSS error response;
 * anything else is logged and answered with InternalError (without details).
 */
final class RequestPipeline {

    private static final Logger LOG = Logger.getLogger(RequestPipeline.class);

    private final RequestAddressing addressing;
    private final Authenticator authenticator;
    private final AccessCheck access;
    private final Operations operations;
    private final ObjectStore store;
    private final Clock clock;
    private final PostObjectOperation postObject;
    private final CallbackClient callbacks;
    private final CallbackKeys keys;
    private final ObjectCopy copies;

    private RequestPipeline(RequestAddressing addressing, Authenticator authenticator, AccessCheck access,
                            Operations operations, ObjectStore store, Clock clock, PostObjectOperation postObject,
                            CallbackClient callbacks, CallbackKeys keys, ObjectCopy copies) {
        this.copies = copies;
        this.addressing = addressing;
        this.authenticator = authenticator;
        this.access = access;
        this.operations = operations;
        this.store = store;
        this.clock = clock;
        this.postObject = postObject;
        this.callbacks = callbacks;
        this.keys = keys;
    }

    static RequestPipeline create(Vertx vertx, OssSettings settings, SessionTokenCodec codec, Clock clock,
                                  OssAuthorizer authorizer, CallbackKeys keys) {
        Optional<DirectoryPersistence> persistence = settings.dataDirectory()
                .map(dir -> new DirectoryPersistence(vertx, dir));
        ObjectStore store = new ObjectStore(settings.buckets(), persistence);
        AccessCheck access = new AccessCheck(authorizer);
        ObjectCopy copies = new ObjectCopy(settings.bucketsByName(), access, store, clock);
        Operations operations = new Operations(new ObjectOperations(store, clock),
                new MultipartOperations(new MultipartUploads(settings.maxObjectSize()), store, clock),
                new BucketOperations(store, settings.region(), clock.instant()), copies);
        CallbackClient callbacks = new CallbackClient(vertx, keys);
        SigningRules signing = SigningRules.of(codec, clock, settings.region());
        return new RequestPipeline(new RequestAddressing(settings), new Authenticator(signing), access, operations,
                store, clock, new PostObjectOperation(new PostSignature(signing), access, store, callbacks, clock),
                callbacks, keys, copies);
    }

    Future<Void> load() {
        return store.load();
    }

    /** Releases the callback HTTP client. */
    Future<Void> close() {
        return callbacks.close();
    }

    /**
     * What the headers alone decide, before any body is read.
     *
     * @param request   the addressed request, body not yet read
     * @param operation the authorized operation; {@code null} for a PostObject form (authenticated by its fields,
     *                  {@link #admitForm}) and for the public key
     * @param answer    an answer that needs no body (the callback public key), else {@code null}
     */
    record Admission(OssRequest request, OssOperation operation, OssResponse answer) {

        boolean isForm() {
            return operation == null && answer == null;
        }
    }

    /**
     * Addresses, authenticates and authorizes a request on its headers, so that nothing of an anonymous, badly
     * signed or unauthorized request's body is ever buffered.
     *
     * @throws OssException the refusal
     */
    Admission admit(HttpServerRequest http) {
        if (http.method() == HttpMethod.GET && CallbackKeys.PUBLIC_KEY_PATH.equals(http.path())
                && !addressing.isVirtualHosted(http.getHeader("Host"))) {
            return new Admission(null, null, OssResponse.status(200).header("Content-Type", "application/x-pem-file")
                    .body(Buffer.buffer(keys.publicKeyPem())));
        }
        OssRequest request = addressing.parse(http, Buffer.buffer());
        if (PostObjectOperation.applies(request)) {
            return new Admission(request, null, null);
        }
        Authentication auth = authenticator.authenticate(request);
        OssOperation operation = OssOperation.of(request);
        access.require(request, operation, auth, clock.instant());
        copies.authorizeSource(request, operation, auth);
        return new Admission(request, operation, null);
    }

    /** A form's signature and PutObject on its key, from the fields before its file. */
    void admitForm(Admission admission, Map<String, String> fields) {
        postObject.admit(admission.request(), fields);
    }

    /** Runs an admitted request once its body has been read. */
    Future<OssResponse> execute(Admission admission, Buffer body) {
        try {
            if (admission.answer() != null) {
                return Future.succeededFuture(admission.answer());
            }
            OssRequest request = admission.request().withBody(body);
            if (admission.isForm()) {
                return postObject.execute(request);
            }
            OssOperation operation = admission.operation();
            Optional<CallbackParameters> callback = operation == OssOperation.PUT_OBJECT
                    || operation == OssOperation.COMPLETE_MULTIPART_UPLOAD
                    ? CallbackParameters.of(request) : Optional.empty();
            Future<OssResponse> result = operations.execute(operation, request);
            return callback.map(c -> result.compose(r -> callbacks.deliver(c, request.bucket().name(), r.stored)))
                    .orElse(result);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    OssResponse failure(HttpServerRequest http, String requestId, Throwable cause) {
        OssException error;
        if (cause instanceof OssException oss) {
            error = oss;
        } else {
            LOG.errorf(cause, "OSS emulator request %s failed", requestId);
            error = new OssException(OssErrorCode.INTERNAL_ERROR);
        }
        String host = http.getHeader("Host") == null ? "" : http.getHeader("Host");
        return ErrorResponses.render(error, requestId, host, http.method() == HttpMethod.HEAD);
    }
}
