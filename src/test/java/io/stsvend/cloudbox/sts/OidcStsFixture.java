package io.stsvend.cloudbox.sts;

import io.stsvend.testing.TestOidcIssuer;
import io.stsvend.testing.TestTls;
import io.vertx.core.Future;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An STS emulator that trusts one OIDC provider (a {@link TestOidcIssuer}) and listens on plain HTTP and on TLS with
 * the test certificate for {@code localhost} ({@link TestTls}); plus a JDK HTTP client that trusts only that certificate.
 */
final class OidcStsFixture implements AutoCloseable {

    static final String PROVIDER_NAME = "ack-rrsa-c0test";
    static final String PROVIDER_ARN = "acs:ram::" + StsEmulatorFixture.ACCOUNT_ID + ":oidc-provider/" + PROVIDER_NAME;

    final TestOidcIssuer issuer = new TestOidcIssuer();
    final StsEmulatorFixture base;
    final StsEmulator emulator;
    final int httpPort;
    final int tlsPort;
    private final HttpClient https;
    private final HttpClient http = HttpClient.newHttpClient();

    OidcStsFixture() throws Exception {
        base = new StsEmulatorFixture();
        OidcProvider provider = new OidcProvider(PROVIDER_NAME, TestOidcIssuer.ISSUER, issuer.publicKey(),
                Set.of(OidcProvider.STS_AUDIENCE));
        emulator = new StsEmulator(base.settings, List.of(provider), base.codec, base.clock);
        httpPort = await(emulator.listen(base.vertx, "127.0.0.1", 0));
        tlsPort = await(emulator.listenTls(base.vertx, "127.0.0.1", 0, TestTls.keyCertOptions()));
        https = HttpClient.newBuilder().sslContext(TestTls.trustingTestCertificate()).build();
    }

    /** The form fields credentials-java and the core's OIDC provider send, for a valid call with {@code token}. */
    Map<String, String> form(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("RoleArn", StsEmulatorFixture.ROLE_ARN);
        form.put("OIDCProviderArn", PROVIDER_ARN);
        form.put("OIDCToken", token);
        form.put("RoleSessionName", "stsvend-pod");
        form.put("DurationSeconds", "3600");
        return form;
    }

    /** A token the emulator accepts now. */
    String validToken() {
        return issuer.token(base.clock.instant());
    }

    Instant now() {
        return base.clock.instant();
    }

    /** POST https://localhost:port/?Action=AssumeRoleWithOIDC&... with the form body. */
    HttpResponse<String> postTls(Map<String, String> form) throws Exception {
        return post(https, "https://" + TestTls.HOST + ":" + tlsPort, form);
    }

    HttpResponse<String> postPlain(Map<String, String> form) throws Exception {
        return post(http, "http://127.0.0.1:" + httpPort, form);
    }

    private static HttpResponse<String> post(HttpClient client, String origin, Map<String, String> form)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin
                        + "/?Action=AssumeRoleWithOIDC&Format=JSON&Version=2015-04-01&Timestamp=2026-01-01T00%3A00%3A00Z"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RawStsClient.encode(form)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        await(emulator.close());
        base.close();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
