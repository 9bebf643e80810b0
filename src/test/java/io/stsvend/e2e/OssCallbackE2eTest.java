package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.PutObjectRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /oss/callback}: the callback of a form this service issued, sent by the OSS emulator, is accepted and its
 * answer relayed to the uploader; a PutObject with its own callback is refused; crafted callbacks signed with a test
 * key are accepted only untampered, from an allow-listed key URL, once, and bound to the bucket and object of a form
 * this service issued.
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
    void formCallbackFromTheEmulatorIsAcceptedAndRelayed() throws Exception {
        String jwt = TestTokens.forSubject("cb-form");
        JsonPath form = UploadFormE2eTest.form(jwt, Map.of("keyPrefix", "users/cb-form/", "callback", true));
        String callbackField = form.getString("fields.callback");
        assertTrue(decode(callbackField).contains("\"callbackUrl\":\"http://127.0.0.1:" + callback.getPort()
                + "/oss/callback\""),
                "the callback points at the configured URL: " + decode(callbackField));
        String policy = decode(form.getString("fields.policy"));
        assertTrue(policy.contains("\"callback\":\"" + callbackField + "\""), "the policy pins the callback");
        assertTrue(policy.contains("\"x:stsvend-binding\":\"" + binding(form) + "\""), "and its binding");
        double before = accepted();

        HttpResponse<String> posted = BrowserForm.from(form).field("key", "users/cb-form/notified.txt").post(http);

        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("\"status\":\"OK\""), "OSS relays the service's answer: " + posted.body());
        assertEquals(before + 1, accepted());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unbound, own key|bucket=${bucket}&object=${object}&etag=${etag}&size=${size}|",
            "another user's key with the caller's own binding|bucket=${bucket}&object=users%2Fcb-victim%2Fa.txt"
                    + "&etag=${etag}&size=${size}&binding=${x:stsvend-binding}|own"})
    void putObjectWithItsOwnCallbackIsRefused(String why, String body, String withBinding) throws Exception {
        String jwt = TestTokens.forSubject("cb-mal");
        String stolen = binding(UploadFormE2eTest.form(jwt, Map.of("keyPrefix", "users/cb-mal/", "callback", true)));
        double before = accepted();
        OSS oss = Vended.forJwt(jwt).client(SignVersion.V4);
        try {
            PutObjectRequest put = new PutObjectRequest(BUCKET, "users/cb-mal/a.txt",
                    new ByteArrayInputStream("12345".getBytes(StandardCharsets.UTF_8)));
            Callback cb = new Callback();
            cb.setCallbackUrl(callback.toString());
            cb.setCallbackBody(body);
            if (withBinding != null) {
                cb.addCallbackVar("x:stsvend-binding", stolen);
            }
            put.setCallback(cb);

            OSSException refused = assertThrows(OSSException.class, () -> oss.putObject(put));

            assertEquals("CallbackFailed", refused.getErrorCode(), refused.getErrorMessage());
        } finally {
            oss.shutdown();
        }
        assertEquals(before, accepted(), "nothing was accepted or audited as an upload");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"body", "path", "query", "key-url-other-key", "key-url-not-allowed", "signature",
            "unsigned"})
    void tamperedCallbacksAreRejected(String tampered) throws Exception {
        String body = "bucket=app-bucket&object=users%2Fcb-tam%2F" + UUID.randomUUID() + "&size=5&etag=ABC&binding="
                + binding("cb-tam", "users/cb-tam/");
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no binding|app-bucket|users/cb-unb/a.txt|
            another user's object|app-bucket|users/cb-victim/a.txt|users/cb-unb/
            outside the form's prefix|app-bucket|users/cb-unb-other/a.txt|users/cb-unb/
            a bucket no rule names|other-bucket|users/cb-unb/a.txt|users/cb-unb/
            a forged binding|app-bucket|users/cb-unb/a.txt|forged
            """)
    void signedCallbacksNotBoundToTheirFormAreRejected(String why, String bucket, String object, String prefix)
            throws Exception {
        String bound = prefix == null ? "" : prefix.equals("forged") ? forged(binding("cb-unb", "users/cb-unb/"))
                : binding("cb-unb", prefix);
        String body = "bucket=" + bucket + "&object=" + URLEncoder.encode(object, StandardCharsets.UTF_8)
                + "&size=5&etag=" + UUID.randomUUID() + (bound.isEmpty() ? "" : "&binding=" + bound);
        String signature = CallbackKeyServer.sign(CallbackKeyServer.KEY.getPrivate(), "/oss/callback\n" + body);

        HttpResponse<String> answer = post("", signature, CallbackKeyServer.base + "/keys/test.pem", body);

        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"forbidden\""), answer.body());
    }

    @Test
    void untamperedCallbackIsAcceptedOnceAndItsReplayRefused() throws Exception {
        String body = "{\"bucket\":\"app-bucket\",\"object\":\"users/cb-once/" + UUID.randomUUID()
                + "\",\"size\":\"5\",\"binding\":\"" + binding("cb-once", "users/cb-once/") + "\"}";
        String signature = CallbackKeyServer.sign(CallbackKeyServer.KEY.getPrivate(), "/oss/callback\n" + body);
        String keyUrl = CallbackKeyServer.base + "/keys/test.pem";

        HttpResponse<String> first = post("", signature, keyUrl, body);
        HttpResponse<String> replay = post("", signature, keyUrl, body);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals("{\"status\":\"OK\"}", first.body());
        assertEquals(403, replay.statusCode(), replay.body());
    }

    /** The binding of a real callback form the subject asked for. */
    private static String binding(String subject, String keyPrefix) {
        return binding(UploadFormE2eTest.form(TestTokens.forSubject(subject), Map.of("keyPrefix", keyPrefix,
                "callback", true)));
    }

    private static String binding(JsonPath form) {
        return form.getMap("fields", String.class, String.class).get("x:stsvend-binding");
    }

    /** The binding with its claim widened to every user's folder, keeping the original HMAC. */
    private static String forged(String binding) {
        int dot = binding.indexOf('.');
        String claim = new String(Base64.getUrlDecoder().decode(binding.substring(0, dot)), StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(claim.replace("users/cb-unb/", "users/")
                .getBytes(StandardCharsets.UTF_8)) + binding.substring(dot);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
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
