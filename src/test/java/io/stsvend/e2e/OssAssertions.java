package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.OSSObject;

import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the e2e tests expect from OSS, phrased once. */
final class OssAssertions {

    static final String BUCKET = "app-bucket";
    static final String DENIED_BY_POLICY = "Access denied by authorizer's policy.";

    private OssAssertions() {
    }

    /** The call fails with a 403 AccessDenied caused by the token's policies (not by a signature or token error). */
    static OSSException assertDenied(Executable call) {
        return assertOssError("AccessDenied", DENIED_BY_POLICY, call);
    }

    static OSSException assertOssError(String code, String message, Executable call) {
        OSSException e = assertThrows(OSSException.class, call);
        assertEquals(code, e.getErrorCode(), e.getErrorMessage());
        if (message != null) {
            assertEquals(message, e.getErrorMessage());
        }
        return e;
    }

    static void put(OSS oss, String bucket, String key, String content) {
        oss.putObject(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    static String read(OSS oss, String bucket, String key) {
        try (OSSObject object = oss.getObject(bucket, key)) {
            return new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
