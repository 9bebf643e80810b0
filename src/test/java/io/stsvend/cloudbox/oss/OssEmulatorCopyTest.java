package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.CopyObjectResult;
import com.aliyun.oss.model.ObjectMetadata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CopyObject as OSS documents it: GetObject on the source and PutObject on the target are both authorized, the
 * metadata directive decides which metadata the copy gets. Before, {@code x-oss-copy-source} was ignored and any
 * copy stored an empty object with 200.
 */
class OssEmulatorCopyTest {

    private static final String SOURCE = "users/u123/source.txt";
    private static final String TARGET = "users/u123/copy.txt";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();
    private final OSS oss = fixture.client(SignVersion.V4, fixture.session);

    @BeforeEach
    void storeTheSource() {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType("text/plain");
        metadata.setUserMetadata(Map.of("colour", "blue"));
        oss.putObject(BUCKET, SOURCE, new ByteArrayInputStream("copy me".getBytes(StandardCharsets.UTF_8)), metadata);
    }

    @AfterEach
    void shutDownTheClient() {
        oss.shutdown();
    }

    @Test
    void copyKeepsContentAndMetadataByDefault() throws Exception {
        CopyObjectResult result = oss.copyObject(BUCKET, SOURCE, BUCKET, TARGET);

        assertEquals(oss.getObjectMetadata(BUCKET, SOURCE).getETag(), result.getETag());
        assertArrayEquals("copy me".getBytes(StandardCharsets.UTF_8),
                oss.getObject(BUCKET, TARGET).getObjectContent().readAllBytes());
        ObjectMetadata copied = oss.getObjectMetadata(BUCKET, TARGET);
        assertEquals("text/plain", copied.getContentType());
        assertEquals("blue", copied.getUserMetadata().get("colour"));
    }

    @Test
    void replaceDirectiveTakesTheRequestsMetadata() {
        CopyObjectRequest request = new CopyObjectRequest(BUCKET, SOURCE, BUCKET, TARGET);
        ObjectMetadata replaced = new ObjectMetadata();
        replaced.setContentType("application/json");
        replaced.setUserMetadata(Map.of("shape", "round"));
        request.setNewObjectMetadata(replaced);

        oss.copyObject(request);

        ObjectMetadata copied = oss.getObjectMetadata(BUCKET, TARGET);
        assertEquals("application/json", copied.getContentType());
        assertEquals(Map.of("shape", "round"), copied.getUserMetadata());
    }

    @Test
    void sourceTheCallerMayNotReadIsDeniedAndNothingIsWritten() {
        fixture.policy = (session, action, arn, context) -> !action.equals("oss:GetObject");

        OSSException denied = assertThrows(OSSException.class, () -> oss.copyObject(BUCKET, SOURCE, BUCKET, TARGET));

        assertEquals("AccessDenied", denied.getErrorCode());
        assertEquals("acs:oss:*:" + EmulatorFixture.OWNER + ":" + BUCKET + "/" + SOURCE,
                fixture.lastDecision().resourceArn());
        fixture.policy = (session, action, arn, context) -> true;
        assertFalse(oss.doesObjectExist(BUCKET, TARGET));
    }

    @Test
    void targetTheCallerMayNotWriteIsDenied() {
        fixture.policy = (session, action, arn, context) -> !action.equals("oss:PutObject");

        OSSException denied = assertThrows(OSSException.class, () -> oss.copyObject(BUCKET, SOURCE, BUCKET, TARGET));

        assertEquals("AccessDenied", denied.getErrorCode());
    }

    @Test
    void missingSourceIsNoSuchKeyAndUnknownSourceBucketIsNoSuchBucket() {
        assertEquals("NoSuchKey", assertThrows(OSSException.class,
                () -> oss.copyObject(BUCKET, "users/u123/none.txt", BUCKET, TARGET)).getErrorCode());
        assertEquals("NoSuchBucket", assertThrows(OSSException.class,
                () -> oss.copyObject("no-such-bucket", SOURCE, BUCKET, TARGET)).getErrorCode());
    }

    @Test
    void forbidOverwriteRefusesAnExistingTarget() {
        oss.putObject(BUCKET, TARGET, new ByteArrayInputStream(new byte[] {1}));
        CopyObjectRequest request = new CopyObjectRequest(BUCKET, SOURCE, BUCKET, TARGET);
        request.addHeader("x-oss-forbid-overwrite", "true");

        assertEquals("FileAlreadyExists", assertThrows(OSSException.class, () -> oss.copyObject(request))
                .getErrorCode());
    }
}
