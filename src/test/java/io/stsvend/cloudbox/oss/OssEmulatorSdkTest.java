package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.testing.EachSignVersion;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.SimplifiedObjectMeta;
import com.aliyun.oss.model.UploadFileRequest;

import java.io.FilterInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The unmodified aliyun-sdk-oss client, once with Signature V1 and once with V4, against the emulator. */
class OssEmulatorSdkTest {

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @EachSignVersion
    void putGetHeadAndDeleteWithAnAwkwardKey(SignVersion version) throws Exception {
        String key = "users/u123/a b+c~d*.txt";
        byte[] content = "hello, emulated OSS".getBytes(StandardCharsets.UTF_8);
        fixture.use(version, fixture.session, oss -> {
            String etag = oss.putObject(BUCKET, key, new ByteArrayInputStream(content)).getETag();
            assertEquals(StoredObject.md5Hex(content), etag);

            try (OSSObject object = oss.getObject(BUCKET, key)) {
                assertArrayEquals(content, object.getObjectContent().readAllBytes());
                assertEquals("text/plain", object.getObjectMetadata().getContentType());
            }
            ObjectMetadata head = oss.getObjectMetadata(BUCKET, key);
            assertEquals(content.length, head.getContentLength());
            assertEquals(etag, head.getETag());
            SimplifiedObjectMeta meta = oss.getSimplifiedObjectMeta(BUCKET, key);
            assertEquals(content.length, meta.getSize());
            assertEquals(etag, meta.getETag());

            oss.deleteObject(BUCKET, key);
            assertFalse(oss.doesObjectExist(BUCKET, key));
            OSSException missing = assertThrows(OSSException.class, () -> oss.getObject(BUCKET, key));
            assertEquals("NoSuchKey", missing.getErrorCode());
        });
    }

    @EachSignVersion
    void chunkedPutOfAStreamOfUnknownLengthAndRangedGet(SignVersion version) throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        // Not a ByteArrayInputStream: the SDK cannot learn the length and streams with Transfer-Encoding: chunked.
        InputStream unknownLength = new FilterInputStream(new ByteArrayInputStream(content)) {
        };
        fixture.use(version, fixture.session, oss -> {
            oss.putObject(BUCKET, "users/u123/blob.bin", unknownLength);

            GetObjectRequest ranged = new GetObjectRequest(BUCKET, "users/u123/blob.bin");
            ranged.setRange(1000, 1999);
            try (OSSObject part = oss.getObject(ranged)) {
                assertArrayEquals(java.util.Arrays.copyOfRange(content, 1000, 2000),
                        part.getObjectContent().readAllBytes());
                assertEquals(1000, part.getObjectMetadata().getContentLength());
            }
            try (OSSObject whole = oss.getObject(BUCKET, "users/u123/blob.bin")) {
                assertArrayEquals(content, whole.getObjectContent().readAllBytes());
            }
        });
    }

    @EachSignVersion
    void listsV1AndV2WithPrefixAndDelimiter(SignVersion version) throws Exception {
        fixture.use(version, fixture.session, oss -> {
            for (String key : List.of("users/u123/a.txt", "users/u123/photos/1.jpg", "users/u123/photos/2.jpg",
                    "users/u123/z.txt", "users/u999/x.txt")) {
                oss.putObject(BUCKET, key, new ByteArrayInputStream(key.getBytes(StandardCharsets.UTF_8)));
            }
            ObjectListing v1 = oss.listObjects(new ListObjectsRequest(BUCKET, "users/u123/", null, "/", 100));
            assertEquals(List.of("users/u123/a.txt", "users/u123/z.txt"),
                    v1.getObjectSummaries().stream().map(OSSObjectSummary::getKey).toList());
            assertEquals(List.of("users/u123/photos/"), v1.getCommonPrefixes());
            assertEquals(EmulatorFixture.OWNER, v1.getObjectSummaries().get(0).getOwner().getId());
            assertFalse(v1.isTruncated());

            ListObjectsV2Request page = new ListObjectsV2Request(BUCKET, "users/u123/");
            page.setMaxKeys(2);
            ListObjectsV2Result first = oss.listObjectsV2(page);
            assertEquals(2, first.getKeyCount());
            assertTrue(first.isTruncated());
            page.setContinuationToken(first.getNextContinuationToken());
            ListObjectsV2Result second = oss.listObjectsV2(page);
            assertEquals(List.of("users/u123/photos/2.jpg", "users/u123/z.txt"),
                    second.getObjectSummaries().stream().map(OSSObjectSummary::getKey).toList());
            assertFalse(second.isTruncated());
        });
    }

    @EachSignVersion
    void uploadFileOfTwelveMegabytesInOneMegabyteParts(SignVersion version, @TempDir Path dir) throws Throwable {
        byte[] content = new byte[12 * 1024 * 1024];
        new Random(42).nextBytes(content);
        Path file = Files.write(dir.resolve("big.bin"), content);
        UploadFileRequest upload = new UploadFileRequest(BUCKET, "users/u123/big.bin");
        upload.setUploadFile(file.toString());
        upload.setPartSize(1024 * 1024);
        upload.setTaskNum(3);
        upload.setEnableCheckpoint(false);
        OSS oss = fixture.client(version, fixture.session);
        try {
            // uploadFile throws Throwable, which fixture.use does not pass through.
            String etag = oss.uploadFile(upload).getMultipartUploadResult().getETag();
            assertTrue(etag.endsWith("-12"), etag);
            try (OSSObject object = oss.getObject(BUCKET, "users/u123/big.bin")) {
                assertArrayEquals(content, object.getObjectContent().readAllBytes());
            }
        } finally {
            oss.shutdown();
        }
    }

    @EachSignVersion
    void bucketInfoAndMissingBucket(SignVersion version) throws Exception {
        fixture.use(version, fixture.session, oss -> {
            assertEquals(BUCKET, oss.getBucketInfo(BUCKET).getBucket().getName());
            OSSException missing = assertThrows(OSSException.class, () -> oss.getObject("other-bucket", "k"));
            assertEquals("NoSuchBucket", missing.getErrorCode());
        });
    }
}
