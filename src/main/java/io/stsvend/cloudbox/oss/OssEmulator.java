package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * An embedded Alibaba Cloud OSS endpoint that the unmodified {@code aliyun-sdk-oss} client talks to over HTTP, with
 * real Signature V1/V4 (header and presigned URL) verification, STS SecurityToken checks against the
 * {@link SessionTokenCodec}, and an {@link OssAuthorizer} decision per request.
 *
 * <p>Per request, in order, on the headers alone: the bucket and raw key are resolved, the signature and token are
 * verified, the operation is mapped to its RAM action and resource ARN and the authorizer is asked; only then is the
 * body read (bounded by {@link OssSettings#maxObjectSize()}; chunked accepted) and the operation run. A PostObject
 * form is authenticated by its fields, so at most {@link MultipartForm#MAX_PREFIX_BYTES} of it is read before its
 * signature and key have been checked. A refused request's body is never buffered. Everything runs on the Vert.x
 * event loop; persistence (if configured) uses Vert.x's asynchronous file system. Time (signature skew, URL and token expiry,
 * {@code acs:CurrentTime}, Last-Modified) comes from the injected {@link Clock}. Every response carries
 * {@code x-oss-request-id}. Secrets, tokens and signatures are never logged.
 *
 * <p>PostObject form uploads (V1/V4 form signatures, policy conditions, STS token field) and upload callbacks
 * (PutObject, CompleteMultipartUpload, PostObject) are supported. Callbacks are signed with an RSA key pair generated
 * per instance; the public key is served anonymously as PEM at {@code GET /callback_pub_key_v1.pem} on the
 * emulator's own port (a path no bucket name can collide with) and advertised in {@code x-oss-pub-key-url}. A real
 * callback verifier only trusts Alibaba's key host, so a service verifying callbacks from this emulator must
 * allow-list {@link #callbackPublicKeyUrl()} in local mode only.
 */
public final class OssEmulator {

    private static final Logger LOG = Logger.getLogger(OssEmulator.class);

    private final OssSettings settings;
    private final SessionTokenCodec codec;
    private final Clock clock;
    private final OssAuthorizer authorizer;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final CallbackKeys callbackKeys = new CallbackKeys();
    private volatile HttpServer server;
    private volatile RequestPipeline pipeline;
    private volatile BodyIntake intake;

    public OssEmulator(OssSettings settings, SessionTokenCodec codec, Clock clock, OssAuthorizer authorizer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /**
     * Loads persisted objects (if a data directory is configured) and starts listening.
     *
     * @param port 0 for any free port
     * @return the bound port
     */
    public Future<Integer> listen(Vertx vertx, String host, int port) {
        if (server != null) {
            return Future.failedFuture(new IllegalStateException("already listening"));
        }
        RequestPipeline built = RequestPipeline.create(vertx, settings, codec, clock, authorizer, callbackKeys);
        // HTTP/1.1 only, like OSS: no h2c upgrade (signatures rely on the Host header). 100 Continue only once the
        // headers are admitted, so a refused client never sends its body. Presigned URLs and headers
        // carry SecurityTokens of several KB, hence the larger line and header limits.
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false)
                .setHandle100ContinueAutomatically(false).setMaxInitialLineLength(16 * 1024)
                .setMaxHeaderSize(32 * 1024);
        return built.load().compose(v -> {
            pipeline = built;
            intake = new BodyIntake(built, settings.maxObjectSize(), this::write);
            server = vertx.createHttpServer(options).requestHandler(this::handle);
            return server.listen(port, host);
        }).map(HttpServer::actualPort).onSuccess(p -> {
            callbackKeys.bind(host, p);
            LOG.infof("OSS emulator listening on %s:%d", host, p);
        });
    }

    /** Stops listening. Stored objects stay in memory (and on disk, if persisted). */
    public Future<Void> close() {
        HttpServer current = server;
        RequestPipeline currentPipeline = pipeline;
        server = null;
        Future<Void> closed = current == null ? Future.succeededFuture() : current.close();
        return currentPipeline == null ? closed : closed.compose(v -> currentPipeline.close());
    }

    /**
     * Where this emulator serves the public key its upload callbacks are signed with, e.g.
     * {@code http://127.0.0.1:9000/callback_pub_key_v1.pem} (a wildcard listen address is advertised as
     * {@code 127.0.0.1}); the same URL travels Base64-encoded in each callback's {@code x-oss-pub-key-url}.
     *
     * @throws IllegalStateException before {@link #listen} has succeeded
     */
    public URI callbackPublicKeyUrl() {
        return callbackKeys.publicKeyUrl();
    }

    /** The RSA public key upload callbacks are signed with ({@code MD5withRSA}); fixed for this instance's life. */
    public PublicKey callbackPublicKey() {
        return callbackKeys.publicKey();
    }

    /** Requests received since start. */
    public long requestCount() {
        return requests.get();
    }

    /** Requests answered with an OSS error (any 4xx/5xx). */
    public long errorCount() {
        return errors.get();
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        intake.accept(request, newRequestId());
    }

    private Future<Void> write(HttpServerRequest request, String requestId, OssResponse response) {
        if (response.status >= 400) {
            errors.incrementAndGet();
        }
        HttpServerResponse http = request.response();
        if (http.ended() || http.closed()) {
            return Future.succeededFuture();
        }
        http.setStatusCode(response.status);
        response.headers.forEach(http::putHeader);
        http.putHeader("x-oss-request-id", requestId).putHeader("Server", "AliyunOSS")
                .putHeader("Date", HttpDates.rfc1123(clock.instant()));
        if (request.getHeader("Origin") != null) {
            // As if every bucket had a CORS rule allowing any origin: lets a page on the service's port read the
            // answer to its cross-origin PostObject (a simple request, so no preflight is involved).
            http.putHeader("Access-Control-Allow-Origin", "*").putHeader("Access-Control-Expose-Headers", "ETag");
        }
        LOG.debugf("%s %s -> %d (%s)", request.method(), request.path(), response.status, requestId);
        if (response.body == null || request.method() == HttpMethod.HEAD) {
            if (!http.headers().contains("Content-Length")) {
                http.putHeader("Content-Length", "0");
            }
            return http.end();
        }
        return http.end(response.body);
    }

    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%08X%016X", (int) (System.nanoTime() >>> 10), random.nextLong());
    }
}
