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
 * execute. Any {@link OssException} becomes the matching OSS error response; anything else is logged and answered
 * with InternalError (without details).
 */
final class RequestPipeline {

    private static final Logger LOG = Logger.getLogger(RequestPipeline.class);

    private final RequestAddressing addressing;
    private final Authenticator authenticator;
    private final AccessCheck access;
    private final Operations operations;
    private final ObjectStore store;
    private final Clock clock;

    private RequestPipeline(RequestAddressing addressing, Authenticator authenticator, AccessCheck access,
                            Operations operations, ObjectStore store, Clock clock) {
        this.addressing = addressing;
        this.authenticator = authenticator;
        this.access = access;
        this.operations = operations;
        this.store = store;
        this.clock = clock;
    }

    static RequestPipeline create(Vertx vertx, OssSettings settings, SessionTokenCodec codec, Clock clock,
                                  OssAuthorizer authorizer) {
        Optional<DirectoryPersistence> persistence = settings.dataDirectory()
                .map(dir -> new DirectoryPersistence(vertx, dir));
        ObjectStore store = new ObjectStore(settings.buckets(), persistence);
        Operations operations = new Operations(new ObjectOperations(store, clock),
                new MultipartOperations(new MultipartUploads(settings.maxObjectSize()), store, clock),
                new BucketOperations(store, settings.region(), clock.instant()));
        return new RequestPipeline(new RequestAddressing(settings),
                new Authenticator(codec, clock, settings.region()), new AccessCheck(authorizer), operations, store,
                clock);
    }

    Future<Void> load() {
        return store.load();
    }

    Future<OssResponse> process(HttpServerRequest http, Buffer body, String requestId) {
        try {
            OssRequest request = addressing.parse(http, body);
            Authentication auth = authenticator.authenticate(request);
            OssOperation operation = OssOperation.of(request);
            access.require(request, operation, auth, clock.instant());
            return operations.execute(operation, request);
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
