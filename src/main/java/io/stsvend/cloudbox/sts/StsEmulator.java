package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.KeyCertOptions;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.logging.Logger;

/**
 * An embedded Alibaba Cloud STS (API 2015-04-01) speaking RPC over plain HTTP, and optionally also over TLS
 * ({@link #listenTls}), for the unmodified {@code aliyun-java-sdk-sts} client: {@code AssumeRole} and
 * {@code GetCallerIdentity}, with the request verification of spec §2.3 (signature V1) or of Alibaba's signature V3
 * ({@code ACS3-HMAC-SHA256}, {@link AcsV3Signature}) and the responses of §1.4–§1.6, and the
 * anonymous {@code AssumeRoleWithOIDC} of §1.7 (TLS only, as the real service and the SDK's OIDC client insist).
 *
 * <p>Every request is handled on the Vert.x event loop without blocking: parsing, HMAC checks and minting are
 * CPU-only, and {@link StsFaults#delayResponses} uses a timer. Time (Timestamp skew, token expiry, Expiration)
 * comes from the injected {@link Clock}. Counters are thread-safe. Secrets and tokens are never logged.
 */
public final class StsEmulator {

    private static final Logger LOG = Logger.getLogger(StsEmulator.class);
    private static final String VERSION = "2015-04-01";
    // The SDK puts every parameter, including a 2048-character policy, into the URL of its POST.
    private static final int MAX_REQUEST_LINE = 64 * 1024;

    private final RequestAuthenticator authenticator;
    private final StsFaults faults = new StsFaults();
    private final StsOperations operations;
    private volatile Vertx vertx;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    public StsEmulator(StsEmulatorSettings settings, SessionTokenCodec codec, Clock clock) {
        this(settings, List.of(), codec, clock);
    }

    /** An emulator that also trusts the given OIDC providers for {@code AssumeRoleWithOIDC}. */
    public StsEmulator(StsEmulatorSettings settings, List<OidcProvider> oidcProviders, SessionTokenCodec codec,
                       Clock clock) {
        this(settings, oidcProviders, codec, clock, AssumeRolePermission.NONE);
    }

    /**
     * An emulator whose role sessions may call AssumeRole where {@code permission} allows it (role chaining); with
     * the other constructors they never may, and only the RAM user can assume roles.
     */
    public StsEmulator(StsEmulatorSettings settings, List<OidcProvider> oidcProviders, SessionTokenCodec codec,
                       Clock clock, AssumeRolePermission permission) {
        this.authenticator = new RequestAuthenticator(settings.user(), codec, clock);
        this.operations = new StsOperations(settings, List.copyOf(oidcProviders), codec, clock, faults, permission);
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free port); completes with the bound port, or fails when
     * the port cannot be bound. Call once per emulator; delayed responses use timers of this {@code vertx}.
     */
    public Future<Integer> listen(Vertx vertx, String host, int port) {
        return serve(vertx, new HttpServerOptions(), host, port);
    }

    /**
     * Also serves HTTPS on {@code host:port} with the given certificate and key (e.g. a test certificate from
     * Vert.x's {@code SelfSignedCertificate}); completes with the bound port. May be called besides or instead of
     * {@link #listen}; both listeners share state, so credentials minted on one work on the other.
     */
    public Future<Integer> listenTls(Vertx vertx, String host, int port, KeyCertOptions certificate) {
        return serve(vertx, new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate), host, port);
    }

    private Future<Integer> serve(Vertx vertx, HttpServerOptions options, String host, int port) {
        this.vertx = vertx;
        HttpServer created = vertx.createHttpServer(options.setMaxInitialLineLength(MAX_REQUEST_LINE))
                .requestHandler(this::handle);
        servers.add(created);
        return created.listen(port, host).map(HttpServer::actualPort);
    }

    /** Stops serving on every listener; completes at once when the emulator was never started. */
    public Future<Void> close() {
        return Future.all(servers.stream().map(HttpServer::close).toList()).mapEmpty();
    }

    /** AssumeRole requests that passed verification and reached the operation, whether they then failed or not. */
    public long assumeRoleCalls() {
        return operations.assumeRoleCalls();
    }

    /** AssumeRoleWithOIDC requests that reached the operation, whether they then failed or not. */
    public long assumeRoleWithOidcCalls() {
        return operations.assumeRoleWithOidcCalls();
    }

    /** AssumeRole calls that returned credentials. */
    public long issuedCredentials() {
        return operations.issuedCredentials();
    }

    /** Nonces currently remembered for replay protection (bounded by the 15-minute window). */
    public int rememberedNonces() {
        return authenticator.rememberedNonces();
    }

    /** The test controls (delay, injected errors) of this emulator. */
    public StsFaults faults() {
        return faults;
    }

    private void handle(HttpServerRequest request) {
        request.body()
                .map(body -> process(request, body))
                .otherwise(failure -> StsReply.error(StsError.INTERNAL_ERROR.reject(), newRequestId()))
                .onSuccess(reply -> respond(request, reply));
    }

    private StsReply process(HttpServerRequest request, Buffer body) {
        String requestId = newRequestId();
        String action = null;
        try {
            if (!"/".equals(request.path())
                    || (request.method() != HttpMethod.GET && request.method() != HttpMethod.POST)) {
                throw StsError.ACTION_NOT_FOUND.reject();
            }
            Map<String, String> params = RpcParameters.collect(request.query(),
                    request.getHeader(HttpHeaders.CONTENT_TYPE), body.toString());
            boolean v3 = AcsV3Authorization.isV3(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (v3) {
                // V3 carries Action and Version in signed headers rather than in the parameters.
                fromHeader(params, "Action", request.getHeader("x-acs-action"));
                fromHeader(params, "Version", request.getHeader("x-acs-version"));
            }
            // AssumeRoleWithOIDC is anonymous: the OIDC token in its parameters is the credential.
            boolean anonymous = AssumeRoleWithOidcAction.NAME.equals(params.get("Action"));
            RamPrincipal caller = anonymous ? RamPrincipal.anonymous()
                    : v3 ? authenticator.authenticateV3(request.method().name(), request.path(), request.query(),
                            headersWithHost(request), body.getBytes())
                    : authenticator.authenticate(request.method().name(), params);
            action = RequestAuthenticator.required(params, "Action");
            if (!VERSION.equals(RequestAuthenticator.required(params, "Version"))) {
                throw StsError.INVALID_ACTION_OR_VERSION.reject();
            }
            if (anonymous && !request.isSSL()) {
                throw StsError.NEED_SSL.reject();
            }
            return StsReply.ok(operations.run(action, caller, params, requestId));
        } catch (StsRejection rejection) {
            LOG.debugf("STS %s rejected with %s (RequestId %s)", action, rejection.code(), requestId);
            return StsReply.error(rejection, requestId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "STS %s failed (RequestId %s)", action, requestId);
            return StsReply.error(StsError.INTERNAL_ERROR.reject(), requestId);
        }
    }

    /** The request headers; over HTTP/2 the signed {@code host} arrives as the {@code :authority} pseudo-header. */
    private static MultiMap headersWithHost(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.HOST) || request.authority() == null) {
            return request.headers();
        }
        return MultiMap.caseInsensitiveMultiMap().addAll(request.headers())
                .set(HttpHeaders.HOST, request.authority().toString());
    }

    private static void fromHeader(Map<String, String> params, String name, String headerValue) {
        if (headerValue == null || headerValue.isEmpty()) {
            return;
        }
        String given = params.putIfAbsent(name, headerValue);
        if (given != null && !given.equals(headerValue)) {
            throw StsError.INVALID_PARAMETER.reject(name);
        }
    }

    private void respond(HttpServerRequest request, StsReply reply) {
        long delayMillis = faults.responseDelay().toMillis();
        if (delayMillis <= 0) {
            send(request, reply);
            return;
        }
        faults.recordDelayedResponse();
        vertx.setTimer(delayMillis, id -> send(request, reply));
    }

    private static void send(HttpServerRequest request, StsReply reply) {
        if (request.response().closed()) {
            return; // the client gave up (e.g. its read timeout fired during an injected delay)
        }
        request.response()
                .setStatusCode(reply.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, StsReply.CONTENT_TYPE)
                .putHeader("x-acs-request-id", reply.body().getString("RequestId"))
                .end(reply.body().encode());
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
