package io.stsvend.cloudbox.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.stsvend.cloudbox.IssuedSession;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser-style PostObject form built by hand: text fields in order, then the file part last, as an HTML form
 * posts it. {@link #signed} fills in the policy and the V1 or V4 signature fields, computed by the real
 * aliyun-sdk-oss ({@code calculatePostSignature}), so the emulator is checked against an independent signer.
 */
final class PostForm {

    static final String BOUNDARY = "----stsvendFormBoundary7MA4YWxkTrZu0gW";
    private static final DateTimeFormatter V4_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final Map<String, String> fields = new LinkedHashMap<>();
    private byte[] file = "hello, form".getBytes(StandardCharsets.UTF_8);
    private String fileContentType = "text/plain";
    private boolean fileLast = true;

    /** A JSON policy document; each condition is given as JSON text. */
    static String policy(Instant expiration, String... conditions) {
        return "{\"expiration\":\"" + HttpDates.iso8601(expiration) + "\",\"conditions\":["
                + String.join(",", conditions) + "]}";
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** key, token, policy and the signature fields of {@code version}, signed by the SDK at {@code signedAt}. */
    static PostForm signed(EmulatorFixture fixture, SignVersion version, IssuedSession session, String key,
                           String policyJson, Instant signedAt) {
        PostForm form = new PostForm().field("key", key).field("policy", base64(policyJson))
                .field("x-oss-security-token", session.securityToken());
        OSS oss = fixture.client(version, session);
        try {
            if (version == SignVersion.V4) {
                String dateTime = V4_DATE.format(signedAt);
                form.field("x-oss-signature-version", "OSS4-HMAC-SHA256")
                        .field("x-oss-credential", session.accessKeyId() + "/" + dateTime.substring(0, 8)
                                + "/cn-hangzhou/oss/aliyun_v4_request")
                        .field("x-oss-date", dateTime)
                        .field("x-oss-signature", oss.calculatePostSignature(policyJson, Date.from(signedAt)));
            } else {
                form.field("OSSAccessKeyId", session.accessKeyId())
                        .field("Signature", oss.calculatePostSignature(policyJson));
            }
        } finally {
            oss.shutdown();
        }
        return form;
    }

    PostForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    PostForm without(String name) {
        fields.remove(name);
        return this;
    }

    PostForm file(byte[] content, String contentType) {
        this.file = content;
        this.fileContentType = contentType;
        return this;
    }

    /** Puts the file part first instead of last (which OSS refuses). */
    PostForm fileFirst() {
        this.fileLast = false;
        return this;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!fileLast) {
            filePart(out);
        }
        fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        if (fileLast) {
            filePart(out);
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    HttpResponse<String> post(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts to {@code /} with a virtual-hosted {@code Host} (java.net.http cannot set Host); the raw response. */
    String postVirtualHosted(int port, String host) throws Exception {
        byte[] body = body();
        String head = "POST / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: multipart/form-data; "
                + "boundary=" + BOUNDARY + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void filePart(ByteArrayOutputStream out) {
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.txt\"\r\n"
                + (fileContentType == null ? "" : "Content-Type: " + fileContentType + "\r\n") + "\r\n");
        out.writeBytes(file);
        write(out, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
