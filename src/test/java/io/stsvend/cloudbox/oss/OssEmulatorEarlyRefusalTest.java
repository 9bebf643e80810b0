package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.testing.OssXml.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.cloudbox.IssuedSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request is authenticated and authorized on its headers before any of its body is buffered: raw sockets announce
 * large bodies, send only the headers (or a form's first fields) and must get their refusal without sending more.
 * Before this, the emulator waited for (and buffered) the whole announced body first.
 */
class OssEmulatorEarlyRefusalTest {

    private static final long ANNOUNCED = 60L * 1024 * 1024;
    private static final String BOUNDARY = "----stsvendBoundary";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @Test
    void aDozenParallelAnonymousUploadsAreRefusedOnTheirHeaders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String head = "PUT /" + BUCKET + "/users/u123/big-" + i + ".bin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: " + ANNOUNCED + "\r\n\r\n";
                answers.add(pool.submit(() -> exchange(head.getBytes(StandardCharsets.US_ASCII))));
            }
            for (Future<String> answer : answers) {
                String response = answer.get(60, TimeUnit.SECONDS);
                assertTrue(response.startsWith("HTTP/1.1 403"), response);
                assertEquals("AccessDenied", element(response, "Code"));
            }
        } finally {
            pool.shutdownNow();
        }
        // The emulator still answers normally afterwards.
        IssuedSession session = fixture.mint();
        fixture.use(com.aliyun.oss.common.comm.SignVersion.V4, session, oss -> {
            oss.putObject(BUCKET, "users/u123/after.txt", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertTrue(oss.doesObjectExist(BUCKET, "users/u123/after.txt"));
        });
    }

    @Test
    void signedUploadTheAuthorizerDeniesIsRefusedBeforeItsBody() throws Exception {
        fixture.policy = (session, action, arn, context) -> false;
        IssuedSession session = fixture.mint();
        String key = "users/u123/denied.bin";
        String date = HttpDates.rfc1123(fixture.clock.instant());
        String stringToSign = V1Signature.stringToSign("PUT", List.of(Map.entry("x-oss-security-token",
                session.securityToken())), date, V1Signature.canonicalResource(BUCKET, key, Map.of()));
        String head = "PUT /" + BUCKET + "/" + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\nDate: " + date + "\r\n"
                + "x-oss-security-token: " + session.securityToken() + "\r\n"
                + "Authorization: OSS " + session.accessKeyId() + ":"
                + V1Signature.sign(session.accessKeySecret(), stringToSign) + "\r\n"
                + "Content-Length: " + ANNOUNCED + "\r\n\r\n";

        String response = exchange(head.getBytes(StandardCharsets.US_ASCII));

        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertEquals("AccessDenied", element(response, "Code"));
        assertEquals("oss:PutObject", element(response, "AuthAction"));
    }

    @Test
    void unsignedFormUploadIsRefusedOnceItsFieldsAreIn() throws Exception {
        String fields = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nusers/u123/f.bin\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";

        String response = exchange(formHead(ANNOUNCED) + fields);

        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertEquals("AccessDenied", element(response, "Code"));
    }

    @Test
    void formWhoseFieldsNeverEndIsRefusedAsFieldItemTooLong() throws Exception {
        String endless = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\n"
                + "A".repeat(MultipartForm.MAX_PREFIX_BYTES + 1);

        String response = exchange(formHead(ANNOUNCED) + endless);

        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertEquals("FieldItemTooLong", element(response, "Code"));
    }

    private String formHead(long length) {
        return "POST /" + BUCKET + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    private String exchange(String start) throws IOException {
        return exchange(start.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends only {@code start} of an announced body and reads the answer (the emulator may close afterwards). */
    private String exchange(byte[] start) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(start);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                response.write(buffer, 0, n);
                String text = response.toString(StandardCharsets.UTF_8);
                if (text.contains("</Error>")) {
                    return text;
                }
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
