package io.stsvend.cloudbox.oss;

import io.stsvend.testing.StoppedClock;
import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.stsvend.cloudbox.IssuedSession;
import io.stsvend.cloudbox.SessionClaims;
import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.Vertx;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x + an emulator on a free port, a movable clock, a recording authorizer whose decision tests can swap, and
 * helpers to mint sessions, build real SDK clients and send raw HTTP/1.1 requests. Register it as an extension (it
 * closes after each test) or close it yourself.
 */
final class EmulatorFixture implements AutoCloseable, AfterEachCallback {

    static final String BUCKET = "app-bucket";
    static final String OWNER = "1234567890123456";

    /** One call of the authorizer. */
    record Decision(SessionClaims session, String action, String resourceArn, Map<String, List<String>> context) {
    }

    final Vertx vertx = Vertx.vertx();
    final StoppedClock clock = new StoppedClock(Instant.now());
    final SessionTokenCodec codec = SessionTokenCodec.withRandomKey();
    final List<Decision> decisions = new CopyOnWriteArrayList<>();
    /** For the requests the SDKs cannot send; HTTP/1.1 because that is what OSS speaks. */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The session a test acts as unless it needs another: the role's, for subject u123, valid for an hour. */
    final IssuedSession session = mint();
    volatile OssAuthorizer policy = (session, action, arn, context) -> true;
    final OssEmulator emulator;
    final int port;

    EmulatorFixture() {
        this(OssSettings.inMemory("cn-hangzhou", new OssBucket(BUCKET, OWNER)));
    }

    EmulatorFixture(OssSettings settings) {
        emulator = new OssEmulator(settings, codec, clock, (session, action, arn, context) -> {
            decisions.add(new Decision(session, action, arn, context));
            return policy.allowed(session, action, arn, context);
        });
        try {
            port = emulator.listen(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("OSS emulator did not start", e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    IssuedSession mint() {
        return mint(clock.instant().plus(Duration.ofHours(1)));
    }

    IssuedSession mint(Instant expiration) {
        return codec.mint("acs:ram::" + OWNER + ":role/app-uploader", "u123", Optional.empty(), expiration);
    }

    OSS client(SignVersion version, IssuedSession session) {
        return client(version, session.accessKeyId(), session.accessKeySecret(), session.securityToken());
    }

    OSS client(SignVersion version, String accessKeyId, String secret, String token) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create().endpoint(endpoint())
                .credentialsProvider(new DefaultCredentialProvider(accessKeyId, secret, token))
                .clientConfiguration(conf).region("cn-hangzhou").build();
    }

    /** Runs {@code use} with an SDK client of {@code session}, and shuts the client down (it is not closeable). */
    void use(SignVersion version, IssuedSession session, SdkUse use) throws Exception {
        call(version, session, oss -> {
            use.run(oss);
            return null;
        });
    }

    /** Like {@link #use}, answering what {@code call} answers. */
    <T> T call(SignVersion version, IssuedSession session, SdkCall<T> call) throws Exception {
        OSS oss = client(version, session);
        try {
            return call.apply(oss);
        } finally {
            oss.shutdown();
        }
    }

    /** Stores {@code content} at {@code key} through the V1 SDK as {@link #session}; answers the quoted ETag. */
    String put(String key, byte[] content) throws Exception {
        return "\"" + call(SignVersion.V1, session,
                oss -> oss.putObject(BUCKET, key, new ByteArrayInputStream(content)).getETag()) + "\"";
    }

    /** Whether {@code key} exists, asked through the V1 SDK as {@link #session}. */
    boolean exists(String key) throws Exception {
        return call(SignVersion.V1, session, oss -> oss.doesObjectExist(BUCKET, key));
    }

    /** Sends {@code body} (none when {@code null}) to {@code uri} with no signature but the one the URI carries. */
    HttpResponse<String> send(String method, URI uri, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A raw request signed with Signature V1 by the emulator's own (vector-tested) code, for what the SDKs cannot
     * send: token and date in {@code x-oss-} headers, {@code headers} signed along.
     */
    HttpRequest v1Signed(IssuedSession session, String method, String key, String query,
                                       Map<String, String> headers) {
        String date = HttpDates.rfc1123(clock.instant());
        Map<String, String> signed = new java.util.LinkedHashMap<>(headers);
        signed.put("x-oss-date", date);
        signed.put("x-oss-security-token", session.securityToken());
        String stringToSign = V1Signature.stringToSign(method, signed.entrySet(), date,
                V1Signature.canonicalResource(BUCKET, key, UriEncoding.parseQuery(query)));
        URI uri = URI.create(endpoint() + "/" + BUCKET + "/" + UriEncoding.encode(key, true)
                + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method,
                method.equals("PUT") || method.equals("POST") ? HttpRequest.BodyPublishers.ofString("")
                        : HttpRequest.BodyPublishers.noBody());
        signed.forEach(builder::header);
        return builder.header("Authorization", "OSS " + session.accessKeyId() + ":"
                + V1Signature.sign(session.accessKeySecret(), stringToSign)).build();
    }

    /** What a test does with an SDK client. */
    @FunctionalInterface
    interface SdkUse {
        void run(OSS oss) throws Exception;
    }

    /** What a test asks of an SDK client. */
    @FunctionalInterface
    interface SdkCall<T> {
        T apply(OSS oss) throws Exception;
    }

    Decision lastDecision() {
        return decisions.get(decisions.size() - 1);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void close() throws Exception {
        emulator.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
