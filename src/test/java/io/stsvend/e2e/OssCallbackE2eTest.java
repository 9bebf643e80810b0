package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /oss/callback}: a real upload callback from the OSS emulator is accepted and its answer relayed to the
 * uploader; crafted callbacks signed with a test key are accepted only untampered, from an allow-listed key URL, once.
 */
@QuarkusTest
@QuarkusTestResource(value = CallbackKeyServer.class, restrictToAnnotatedClass = true)
class OssCallbackE2eTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/oss/callback")
    URL callback;

    @Inject
    MeterRegistry registry;

    @Test
    void uploadCallbackFromTheEmulatorIsAcceptedAndRelayed() throws Exception {
        double before = accepted();
        OSS oss = Vended.forJwt(TestTokens.forSubject("cb-ann")).client(SignVersion.V4);
        try {
            PutObjectRequest put = new PutObjectRequest(BUCKET, "users/cb-ann/a.txt",
                    new ByteArrayInputStream("12345".getBytes(StandardCharsets.UTF_8)));
            Callback cb = new Callback();
            cb.setCallbackUrl(callback.toString() + "?src=sdk");
            cb.setCallbackBody("bucket=${bucket}&object=${object}&etag=${etag}&size=${size}");
            put.setCallback(cb);

            PutObjectResult result = oss.putObject(put);

            assertEquals("{\"status\":\"OK\"}", new String(result.getResponse().getContent().readAllBytes(),
                    StandardCharsets.UTF_8));
        } finally {
            oss.shutdown();
        }
        assertEquals(before + 1, accepted());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"body", "path", "query", "key-url-other-key", "key-url-not-allowed", "signature",
            "unsigned"})
    void tamperedCallbacksAreRejected(String tampered) throws Exception {
        String body = "bucket=app-bucket&object=users%2Fcb%2F" + UUID.randomUUID() + "&size=5&etag=ABC";
        String signature = CallbackKeyServer.sign(CallbackKeyServer.KEY.getPrivate(),
                (tampered.equals("path") ? "/oss/other" : "/oss/callback")
                        + (tampered.equals("query") ? "?id=1&index=3" : "?id=1&index=2") + "\n" + body);
        String keyUrl = switch (tampered) {
            case "key-url-other-key" -> CallbackKeyServer.base + "/keys/other.pem";
            case "key-url-not-allowed" -> "http://gosspublic.alicdn.com.evil.example/keys/test.pem";
            default -> CallbackKeyServer.base + "/keys/test.pem";
        };
        if (tampered.equals("signature")) {
            byte[] bytes = Base64.getDecoder().decode(signature);
            bytes[10] ^= 1;
            signature = Base64.getEncoder().encodeToString(bytes);
        }

        HttpResponse<String> answer = post("?id=1&index=2", tampered.equals("unsigned") ? null : signature, keyUrl,
                tampered.equals("body") ? body.replace("size=5", "size=6") : body);

        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"forbidden\""), answer.body());
    }

    @Test
    void untamperedCallbackIsAcceptedOnceAndItsReplayRefused() throws Exception {
        String body = "{\"bucket\":\"app-bucket\",\"object\":\"users/cb/" + UUID.randomUUID() + "\",\"size\":\"5\"}";
        String signature = CallbackKeyServer.sign(CallbackKeyServer.KEY.getPrivate(), "/oss/callback\n" + body);
        String keyUrl = CallbackKeyServer.base + "/keys/test.pem";

        HttpResponse<String> first = post("", signature, keyUrl, body);
        HttpResponse<String> replay = post("", signature, keyUrl, body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals("{\"status\":\"OK\"}", first.body());
        assertEquals(403, replay.statusCode(), replay.body());
    }

    private HttpResponse<String> post(String query, String authorization, String keyUrl, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback + query))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .header("x-oss-pub-key-url", Base64.getEncoder().encodeToString(keyUrl.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double accepted() {
        var counter = registry.find("stsvend.upload.callbacks").tag("outcome", "accepted").counter();
        return counter == null ? 0 : counter.count();
    }
}
