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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x + an emulator on a free port, a movable clock, a recording authorizer whose decision tests can swap, and
 * helpers to mint sessions and build real SDK clients.
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

    /**
     * A raw request signed with Signature V1 by the emulator's own (vector-tested) code, for what the SDKs cannot
     * send: token and date in {@code x-oss-} headers, {@code headers} signed along.
     */
    java.net.http.HttpRequest v1Signed(IssuedSession session, String method, String key, String query,
                                       Map<String, String> headers) {
        String date = HttpDates.rfc1123(clock.instant());
        Map<String, String> signed = new java.util.LinkedHashMap<>(headers);
        signed.put("x-oss-date", date);
        signed.put("x-oss-security-token", session.securityToken());
        String stringToSign = V1Signature.stringToSign(method, signed.entrySet(), date,
                V1Signature.canonicalResource(BUCKET, key, UriEncoding.parseQuery(query)));
        java.net.URI uri = java.net.URI.create(endpoint() + "/" + BUCKET + "/" + UriEncoding.encode(key, true)
                + (query.isEmpty() ? "" : "?" + query));
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri).method(method,
                method.equals("PUT") || method.equals("POST") ? java.net.http.HttpRequest.BodyPublishers.ofString("")
                        : java.net.http.HttpRequest.BodyPublishers.noBody());
        signed.forEach(builder::header);
        return builder.header("Authorization", "OSS " + session.accessKeyId() + ":"
                + V1Signature.sign(session.accessKeySecret(), stringToSign)).build();
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
