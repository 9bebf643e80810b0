package io.stsvend.e2e;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.DENIED_BY_POLICY;
import static io.stsvend.e2e.OssAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Presigned URLs made by the SDK with vended credentials (the token travels in the URL: {@code security-token} for
 * V1, {@code x-oss-security-token} for V4) work with a plain HTTP client until they expire on the emulator's clock,
 * and never widen what the credentials allow.
 */
@QuarkusTest
class PresignedUrlE2eTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    LocalCloudClock cloudClock;

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void presignedPutAndGetWorkUntilExpiresAndFailAfter(SignVersion version) throws Exception {
        OSS alice = Vended.forJwt(TestTokens.forSubject("alice")).client(version);
        String key = "users/alice/shared link " + version + ".txt";
        try {
            URI put = presign(alice, key, HttpMethod.PUT, Duration.ofMinutes(5));
            URI get = presign(alice, key, HttpMethod.GET, Duration.ofMinutes(5));

            assertEquals(200, send("PUT", put, "uploaded through a link").statusCode());
            assertEquals("uploaded through a link", read(alice, BUCKET, key));
            HttpResponse<String> got = send("GET", get, null);
            assertEquals(200, got.statusCode());
            assertEquals("uploaded through a link", got.body());

            cloudClock.advance(Duration.ofMinutes(4));
            assertEquals(200, send("GET", get, null).statusCode(), "still inside Expires");

            cloudClock.advance(Duration.ofMinutes(2));
            for (HttpResponse<String> expired : java.util.List.of(send("GET", get, null), send("PUT", put, "late"))) {
                assertEquals(403, expired.statusCode());
                assertEquals("AccessDenied", element(expired.body(), "Code"));
                assertEquals("Request has expired.", element(expired.body(), "Message"));
            }
            cloudClock.reset();
            assertEquals("uploaded through a link", read(alice, BUCKET, key), "the late PUT changed nothing");
        } finally {
            alice.deleteObject(BUCKET, key);
            alice.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aPresignedUrlForBobsPrefixIsStillDenied(SignVersion version) throws Exception {
        OSS alice = Vended.forJwt(TestTokens.forSubject("alice")).client(version);
        try {
            for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.PUT}) {
                HttpResponse<String> response = send(method.name(),
                        presign(alice, "users/bob/x", method, Duration.ofMinutes(5)), method == HttpMethod.PUT ? "x" : null);
                assertEquals(403, response.statusCode());
                assertEquals("AccessDenied", element(response.body(), "Code"));
                assertEquals(DENIED_BY_POLICY, element(response.body(), "Message"));
            }
        } finally {
            alice.shutdown();
        }
    }

    static URI presign(OSS oss, String key, HttpMethod method, Duration lifetime) throws Exception {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, key, method);
        request.setExpiration(new Date(System.currentTimeMillis() + lifetime.toMillis()));
        return oss.generatePresignedUrl(request).toURI();
    }

    HttpResponse<String> send(String method, URI uri, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
