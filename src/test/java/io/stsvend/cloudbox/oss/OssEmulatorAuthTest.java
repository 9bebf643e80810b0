package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.testing.OssXml.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;

import io.stsvend.cloudbox.IssuedSession;
import io.stsvend.testing.EachSignVersion;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Signature, token, time and authorizer checks, with the real SDK (V1 and V4) and its presigned URLs. */
class OssEmulatorAuthTest {

    private static final String KEY = "users/u123/doc one.txt";
    private static final byte[] CONTENT = "presigned content".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @EachSignVersion
    void presignedGetAndPutWorkUntilTheyExpire(SignVersion version) throws Exception {
        fixture.use(version, fixture.session, oss -> {
            oss.putObject(BUCKET, KEY, new ByteArrayInputStream(CONTENT));
            URI get = presign(oss, HttpMethod.GET);
            URI put = presign(oss, HttpMethod.PUT);

            HttpResponse<String> got = fixture.send("GET", get, null);
            assertEquals(200, got.statusCode());
            assertEquals("presigned content", got.body());
            assertEquals(200, fixture.send("PUT", put, "replaced").statusCode());
            assertEquals("replaced", fixture.send("GET", get, null).body());

            fixture.clock.advance(Duration.ofMinutes(2));
            for (HttpResponse<String> expired : new HttpResponse[] {fixture.send("GET", get, null),
                fixture.send("PUT", put, "x")}) {
                assertEquals(403, expired.statusCode());
                assertEquals("AccessDenied", element(expired.body(), "Code"));
                assertEquals("Request has expired.", element(expired.body(), "Message"));
            }
        });
    }

    @EachSignVersion
    void tamperedPresignedUrlsAreRejected(SignVersion version) throws Exception {
        fixture.use(version, fixture.session, oss -> {
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
                HttpResponse<String> response = fixture.send("GET", URI.create(tampered), null);
                assertEquals(403, response.statusCode(), tampered);
                assertEquals("SignatureDoesNotMatch", element(response.body(), "Code"), tampered);
            }
            assertEquals(200, fixture.send("GET", URI.create(url), null).statusCode());
        });
    }

    @EachSignVersion
    void wrongSecretIsASignatureMismatch(SignVersion version) {
        assertSdkError(version, fixture.client(version, fixture.session.accessKeyId(), "not-the-secret",
                fixture.session.securityToken()), "SignatureDoesNotMatch");
    }

    @EachSignVersion
    void expiredTokenIsRefused(SignVersion version) {
        IssuedSession expired = fixture.mint(fixture.clock.instant().minusSeconds(1));
        assertSdkError(version, fixture.client(version, expired), "SecurityTokenExpired");
    }

    @EachSignVersion
    void tokenOfAnotherSessionDoesNotMatchTheAccessKey(SignVersion version) {
        IssuedSession other = fixture.mint();
        IssuedSession own = fixture.session;
        assertSdkError(version, fixture.client(version, own.accessKeyId(), own.accessKeySecret(),
                other.securityToken()), "AccessKeyIdAndSecurityTokenNotMatch");
    }

    @EachSignVersion
    void garbledTokenIsInvalid(SignVersion version) {
        IssuedSession own = fixture.session;
        String token = own.securityToken();
        String garbled = token.substring(0, 3) + (token.charAt(3) == 'A' ? 'B' : 'A') + token.substring(4);
        assertSdkError(version, fixture.client(version, own.accessKeyId(), own.accessKeySecret(), garbled),
                "InvalidSecurityToken");
    }

    @EachSignVersion
    void requestTimeMoreThanFifteenMinutesOffIsRefused(SignVersion version) {
        fixture.clock.advance(Duration.ofMinutes(16));
        assertSdkError(version, fixture.client(version, fixture.session), "RequestTimeTooSkewed");
    }

    @EachSignVersion
    void denyingAuthorizerYieldsAccessDenied(SignVersion version) {
        fixture.policy = (s, action, arn, context) -> false;
        OSSException denied = assertSdkError(version, fixture.client(version, fixture.session), "AccessDenied");
        assertEquals("Access denied by authorizer's policy.", denied.getErrorMessage());
    }

    @EachSignVersion
    void unknownUploadIdIsNoSuchUpload(SignVersion version) throws Exception {
        fixture.use(version, fixture.session, oss -> {
            OSSException e = assertThrows(OSSException.class, () -> oss.abortMultipartUpload(
                    new AbortMultipartUploadRequest(BUCKET, KEY, "0123456789ABCDEF")));
            assertEquals("NoSuchUpload", e.getErrorCode());
            OSSException head = assertThrows(OSSException.class, () -> oss.getObjectMetadata(BUCKET, "nope"));
            assertEquals("NoSuchKey", head.getErrorCode());
        });
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
}
