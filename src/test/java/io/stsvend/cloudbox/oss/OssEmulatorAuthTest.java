package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;

import io.stsvend.cloudbox.IssuedSession;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signature, token, time and authorizer checks, with the real SDK (V1 and V4) and its presigned URLs. */
class OssEmulatorAuthTest {

    private static final String KEY = "users/u123/doc one.txt";
    private static final byte[] CONTENT = "presigned content".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();
    private final IssuedSession session = fixture.mint();

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void presignedGetAndPutWorkUntilTheyExpire(SignVersion version) throws Exception {
        OSS oss = fixture.client(version, session);
        try {
            oss.putObject(BUCKET, KEY, new ByteArrayInputStream(CONTENT));
            URI get = presign(oss, HttpMethod.GET);
            URI put = presign(oss, HttpMethod.PUT);

            HttpResponse<String> got = send("GET", get, null);
            assertEquals(200, got.statusCode());
            assertEquals("presigned content", got.body());
            assertEquals(200, send("PUT", put, "replaced").statusCode());
            assertEquals("replaced", send("GET", get, null).body());

            fixture.clock.advance(Duration.ofMinutes(2));
            for (HttpResponse<String> expired : new HttpResponse[] {send("GET", get, null), send("PUT", put, "x")}) {
                assertEquals(403, expired.statusCode());
                assertEquals("AccessDenied", element(expired.body(), "Code"));
                assertEquals("Request has expired.", element(expired.body(), "Message"));
            }
        } finally {
            oss.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void tamperedPresignedUrlsAreRejected(SignVersion version) throws Exception {
        OSS oss = fixture.client(version, session);
        try {
            oss.putObject(BUCKET, KEY, new ByteArrayInputStream(CONTENT));
            oss.putObject(BUCKET, "users/u123/other.txt", new ByteArrayInputStream(CONTENT));
            String url = presign(oss, HttpMethod.GET).toString();
            String signatureParam = version == SignVersion.V1 ? "Signature=" : "x-oss-signature=";
            String expiresParam = version == SignVersion.V1 ? "Expires=" : "x-oss-expires=";
            int sig = url.indexOf(signatureParam) + signatureParam.length();
            // Another digit, not another letter case: a V4 signature is hex, and 'a' for 'A' would be no change.
            String tamperedSignature = url.substring(0, sig) + (url.charAt(sig) == '0' ? '1' : '0')
                    + url.substring(sig + 1);
            String tamperedKey = url.replace("doc%20one.txt", "other.txt");
            String tamperedQuery = url.replace(expiresParam, expiresParam + "1");

            for (String tampered : new String[] {tamperedSignature, tamperedKey, tamperedQuery}) {
                HttpResponse<String> response = send("GET", URI.create(tampered), null);
                assertEquals(403, response.statusCode(), tampered);
                assertEquals("SignatureDoesNotMatch", element(response.body(), "Code"), tampered);
            }
            assertEquals(200, send("GET", URI.create(url), null).statusCode());
        } finally {
            oss.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void wrongSecretIsASignatureMismatch(SignVersion version) {
        assertSdkError(version, fixture.client(version, session.accessKeyId(), "not-the-secret",
                session.securityToken()), "SignatureDoesNotMatch");
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void expiredTokenIsRefused(SignVersion version) {
        IssuedSession expired = fixture.mint(fixture.clock.instant().minusSeconds(1));
        assertSdkError(version, fixture.client(version, expired), "SecurityTokenExpired");
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void tokenOfAnotherSessionDoesNotMatchTheAccessKey(SignVersion version) {
        IssuedSession other = fixture.mint();
        assertSdkError(version, fixture.client(version, session.accessKeyId(), session.accessKeySecret(),
                other.securityToken()), "AccessKeyIdAndSecurityTokenNotMatch");
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void garbledTokenIsInvalid(SignVersion version) {
        String token = session.securityToken();
        String garbled = token.substring(0, 3) + (token.charAt(3) == 'A' ? 'B' : 'A') + token.substring(4);
        assertSdkError(version, fixture.client(version, session.accessKeyId(), session.accessKeySecret(), garbled),
                "InvalidSecurityToken");
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void requestTimeMoreThanFifteenMinutesOffIsRefused(SignVersion version) {
        fixture.clock.advance(Duration.ofMinutes(16));
        assertSdkError(version, fixture.client(version, session), "RequestTimeTooSkewed");
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void denyingAuthorizerYieldsAccessDenied(SignVersion version) {
        fixture.policy = (s, action, arn, context) -> false;
        OSSException denied = assertSdkError(version, fixture.client(version, session), "AccessDenied");
        assertEquals("Access denied by authorizer's policy.", denied.getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void unknownUploadIdIsNoSuchUpload(SignVersion version) {
        OSS oss = fixture.client(version, session);
        try {
            OSSException e = assertThrows(OSSException.class, () -> oss.abortMultipartUpload(
                    new AbortMultipartUploadRequest(BUCKET, KEY, "0123456789ABCDEF")));
            assertEquals("NoSuchUpload", e.getErrorCode());
            OSSException head = assertThrows(OSSException.class, () -> oss.getObjectMetadata(BUCKET, "nope"));
            assertEquals("NoSuchKey", head.getErrorCode());
        } finally {
            oss.shutdown();
        }
    }

    /** Runs a PutObject with the given client and expects the given OSS error code. */
    private static OSSException assertSdkError(SignVersion version, OSS oss, String code) {
        try {
            OSSException e = assertThrows(OSSException.class,
                    () -> oss.putObject(BUCKET, KEY, new ByteArrayInputStream(CONTENT)), version.toString());
            assertEquals(code, e.getErrorCode(), e.getErrorMessage());
            return e;
        } finally {
            oss.shutdown();
        }
    }

    private static URI presign(OSS oss, HttpMethod method) throws Exception {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, KEY, method);
        request.setExpiration(new Date(System.currentTimeMillis() + 60_000));
        return oss.generatePresignedUrl(request).toURI();
    }

    private HttpResponse<String> send(String method, URI uri, String body) throws Exception {
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
