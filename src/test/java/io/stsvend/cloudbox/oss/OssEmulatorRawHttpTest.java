package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.testing.OssXml.element;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.cloudbox.IssuedSession;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cases the SDK cannot produce, signed by hand with the emulator's own (vector-tested) signature code. */
class OssEmulatorRawHttpTest {

    private static final String KEY = "users/u123/raw.bin";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();
    private final IssuedSession session = fixture.session;

    @Test
    void anonymousRequestIsDeniedWithAnOssErrorDocument() throws Exception {
        HttpResponse<String> response = fixture.http.send(HttpRequest.newBuilder(uri(KEY)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
        assertEquals("AccessDenied", element(response.body(), "Code"));
        assertEquals("application/xml", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(element(response.body(), "RequestId"),
                response.headers().firstValue("x-oss-request-id").orElseThrow());
        assertEquals(element(response.body(), "EC"), response.headers().firstValue("x-oss-ec").orElseThrow());
    }

    @Test
    void chunkedV1PutSignedWithXOssDate() throws Exception {
        byte[] content = new byte[200_000];
        new Random(3).nextBytes(content);
        String date = HttpDates.rfc1123(fixture.clock.instant());
        // No Date header (java.net.http forbids it): x-oss-date carries the signing time instead.
        String stringToSign = V1Signature.stringToSign("PUT", List.of(Map.entry("x-oss-date", date),
                        Map.entry("x-oss-security-token", session.securityToken())), date,
                V1Signature.canonicalResource(BUCKET, KEY, Map.of()));
        HttpRequest put = HttpRequest.newBuilder(uri(KEY))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)))
                .header("x-oss-date", date).header("x-oss-security-token", session.securityToken())
                .header("Authorization", "OSS " + session.accessKeyId() + ":"
                        + V1Signature.sign(session.accessKeySecret(), stringToSign)).build();

        HttpResponse<String> response = fixture.http.send(put, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Crc64.header(content), response.headers().firstValue("x-oss-hash-crc64ecma").orElseThrow());
        var oss = fixture.client(com.aliyun.oss.common.comm.SignVersion.V1, session);
        try (InputStream in = oss.getObject(BUCKET, KEY).getObjectContent()) {
            assertArrayEquals(content, in.readAllBytes());
        } finally {
            oss.shutdown();
        }
    }

    @Test
    void v4AuthorizationWithSpacesAfterCommasIsAccepted() throws Exception {
        HttpResponse<String> response = fixture.http.send(v4Get(", "), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("ListBucketResult", response.body().replaceAll("(?s).*<(ListBucketResult)>.*", "$1"));
    }

    @Test
    void signatureMismatchReportsWhatTheServerSigned() throws Exception {
        HttpRequest request = v4Get(",");
        String authorization = request.headers().firstValue("Authorization").orElseThrow();
        HttpRequest tampered = HttpRequest.newBuilder(request.uri()).GET()
                .header("x-oss-date", request.headers().firstValue("x-oss-date").orElseThrow())
                .header("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
                .header("x-oss-security-token", session.securityToken())
                .header("Authorization", authorization.substring(0, authorization.length() - 1)
                        + (authorization.endsWith("0") ? "1" : "0")).build();

        HttpResponse<String> response = fixture.http.send(tampered, HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode());
        assertEquals("SignatureDoesNotMatch", element(response.body(), "Code"));
        assertTrue(element(response.body(), "StringToSign").startsWith("OSS4-HMAC-SHA256\n"));
        assertTrue(element(response.body(), "StringToSignBytes").startsWith("4f 53 53 34"));
        assertEquals(session.accessKeyId(), element(response.body(), "OSSAccessKeyId"));
        assertNotNull(element(response.body(), "SignatureProvided"));
    }

    @Test
    void payloadHashOtherThanUnsignedPayloadIsRejected() throws Exception {
        HttpRequest request = v4Get(",");
        HttpRequest signedPayload = HttpRequest.newBuilder(request.uri()).GET()
                .header("x-oss-date", request.headers().firstValue("x-oss-date").orElseThrow())
                .header("x-oss-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .header("x-oss-security-token", session.securityToken())
                .header("Authorization", request.headers().firstValue("Authorization").orElseThrow()).build();

        HttpResponse<String> response = fixture.http.send(signedPayload, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertEquals("InvalidArgument", element(response.body(), "Code"));
    }

    @Test
    void virtualHostedRequestAddressesTheBucketByHost() throws Exception {
        assertVirtualHostedListing(BUCKET + ".oss-cn-hangzhou.localhost:" + fixture.port);
    }

    /**
     * ali-oss given an IP endpoint (as {@code /credentials} vends it locally) connects to the IP but sends OSS's own
     * host name, {@code <bucket>.oss-<region>.aliyuncs.com}, as real OSS behind an IP would see it.
     */
    @Test
    void hostNamedAfterTheRealOssEndpointAddressesTheBucket() throws Exception {
        assertVirtualHostedListing(BUCKET + ".oss-cn-hangzhou.aliyuncs.com");
        assertVirtualHostedListing(BUCKET + ".oss-cn-hangzhou-internal.aliyuncs.com");
    }

    private void assertVirtualHostedListing(String host) throws Exception {
        String date = HttpDates.rfc1123(fixture.clock.instant());
        String stringToSign = V1Signature.stringToSign("GET", List.of(Map.entry("x-oss-security-token",
                session.securityToken())), date, V1Signature.canonicalResource(BUCKET, "", Map.of()));
        String request = "GET /?prefix=users%2F HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Date: " + date + "\r\n"
                + "x-oss-security-token: " + session.securityToken() + "\r\n"
                + "Authorization: OSS " + session.accessKeyId() + ":"
                + V1Signature.sign(session.accessKeySecret(), stringToSign) + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", fixture.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 200"), host + ": " + response);
            assertEquals(BUCKET, element(response, "Name"));
            assertEquals("users/", element(response, "Prefix"));
        }
    }

    @Test
    void bodyLargerThanTheObjectLimitIsRefused() throws Exception {
        OssSettings small = new OssSettings(List.of(new OssBucket(BUCKET, EmulatorFixture.OWNER)), "cn-hangzhou",
                "oss-cn-hangzhou.localhost", Optional.empty(), 1024);
        try (EmulatorFixture limited = new EmulatorFixture(small)) {
            HttpResponse<String> response = limited.http.send(HttpRequest.newBuilder(uri(limited, KEY))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2048])).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(400, response.statusCode());
            assertEquals("EntityTooLarge", element(response.body(), "Code"));
        }
    }

    /** A V4-signed ListObjects with the given separator between the Authorization fields. */
    private HttpRequest v4Get(String separator) {
        Instant now = fixture.clock.instant();
        String dateTime = SigningTime.V4_FORMAT.format(now);
        String date = dateTime.substring(0, 8);
        List<Map.Entry<String, String>> headers = List.of(Map.entry("x-oss-date", dateTime),
                Map.entry("x-oss-content-sha256", "UNSIGNED-PAYLOAD"),
                Map.entry("x-oss-security-token", session.securityToken()));
        String canonical = V4Signature.canonicalRequest("GET", BUCKET, "", Map.of("prefix", "users/"), headers,
                new TreeSet<>());
        String scope = V4Signature.scope(date, "cn-hangzhou");
        String signature = V4Signature.sign(session.accessKeySecret(), date, "cn-hangzhou",
                V4Signature.stringToSign(dateTime, scope, canonical));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fixture.endpoint() + "/" + BUCKET
                + "/?prefix=users%2F")).GET();
        headers.forEach(h -> builder.header(h.getKey(), h.getValue()));
        return builder.header("Authorization", "OSS4-HMAC-SHA256 Credential=" + session.accessKeyId() + "/" + scope
                + separator + "Signature=" + signature).build();
    }

    private URI uri(String key) {
        return uri(fixture, key);
    }

    private static URI uri(EmulatorFixture emulator, String key) {
        return URI.create(emulator.endpoint() + "/" + BUCKET + "/" + UriEncoding.encode(key, true));
    }
}
