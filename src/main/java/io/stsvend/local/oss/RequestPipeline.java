package io.stsvend.local.oss;

import io.stsvend.local.SessionTokenCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.time.Clock;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * The per-request steps after the body has been read: address → authenticate → resolve operation → authorize →
 * validate any upload callback → execute → deliver the callback. PostObject form uploads authenticate by their form
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

    private RequestPipeline(RequestAddressing addressing, Authenticator authenticator, AccessCheck access,
                            Operations operations, ObjectStore store, Clock clock, PostObjectOperation postObject,
                            CallbackClient callbacks, CallbackKeys keys) {
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
        Operations operations = new Operations(new ObjectOperations(store, clock),
                new MultipartOperations(new MultipartUploads(settings.maxObjectSize()), store, clock),
                new BucketOperations(store, settings.region(), clock.instant()));
        AccessCheck access = new AccessCheck(authorizer);
        CallbackClient callbacks = new CallbackClient(vertx, keys);
        PostSignature postSignature = new PostSignature(new SessionCredentials(codec, clock), new SigningTime(clock),
                settings.region());
        return new RequestPipeline(new RequestAddressing(settings),
                new Authenticator(codec, clock, settings.region()), access, operations, store, clock,
                new PostObjectOperation(postSignature, access, store, callbacks, clock), callbacks, keys);
    }

    Future<Void> load() {
        return store.load();
    }

    /** Releases the callback HTTP client. */
    Future<Void> close() {
        return callbacks.close();
    }

    Future<OssResponse> process(HttpServerRequest http, Buffer body, String requestId) {
        try {
            if (http.method() == HttpMethod.GET && CallbackKeys.PUBLIC_KEY_PATH.equals(http.path())
                    && !addressing.isVirtualHosted(http.getHeader("Host"))) {
                return Future.succeededFuture(OssResponse.status(200).header("Content-Type", "application/x-pem-file")
                        .body(Buffer.buffer(keys.publicKeyPem())));
            }
            OssRequest request = addressing.parse(http, body);
            if (PostObjectOperation.applies(request)) {
                return postObject.execute(request);
            }
            Authentication auth = authenticator.authenticate(request);
            OssOperation operation = OssOperation.of(request);
            access.require(request, operation, auth, clock.instant());
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
