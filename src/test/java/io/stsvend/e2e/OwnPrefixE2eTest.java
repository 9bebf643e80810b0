package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.UploadFileRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.put;
import static io.stsvend.e2e.OssAssertions.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything alice's vended credentials must allow under {@code users/alice/}, done with the real OSS SDK against
 * the embedded OSS, once signing with V1 and once with V4. Keys carry the signature version so the two runs (and
 * other test classes sharing the emulator) never see each other's objects.
 */
@QuarkusTest
class OwnPrefixE2eTest {

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aliceWritesReadsListsAndDeletesHerOwnObjects(SignVersion version) throws Exception {
        OSS oss = Vended.forJwt(TestTokens.forSubject("alice")).client(version);
        String folder = "users/alice/own-" + version + "/";
        try {
            put(oss, BUCKET, folder + "notes.txt", "0123456789abcdef");
            put(oss, BUCKET, folder + "photos/cat.jpg", "not really a cat");

            assertEquals("0123456789abcdef", read(oss, BUCKET, folder + "notes.txt"));
            GetObjectRequest ranged = new GetObjectRequest(BUCKET, folder + "notes.txt");
            ranged.setRange(4, 9);
            try (OSSObject part = oss.getObject(ranged)) {
                assertEquals("456789", new String(part.getObjectContent().readAllBytes()));
            }
            ObjectMetadata head = oss.getObjectMetadata(BUCKET, folder + "notes.txt");
            assertEquals(16, head.getContentLength());
            assertEquals(16, oss.getSimplifiedObjectMeta(BUCKET, folder + "notes.txt").getSize());

            ObjectListing listing = oss.listObjects(new ListObjectsRequest(BUCKET, folder, null, "/", 100));
            assertEquals(List.of(folder + "notes.txt"), keys(listing.getObjectSummaries()));
            assertEquals(List.of(folder + "photos/"), listing.getCommonPrefixes());
            assertEquals(List.of(folder + "notes.txt", folder + "photos/cat.jpg"),
                    keys(oss.listObjectsV2(BUCKET, folder).getObjectSummaries()));

            oss.deleteObject(BUCKET, folder + "notes.txt");
            assertFalse(oss.doesObjectExist(BUCKET, folder + "notes.txt"));
            assertTrue(oss.doesObjectExist(BUCKET, folder + "photos/cat.jpg"));
        } finally {
            oss.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aliceUploadsTwelveMegabytesInPartsAndReadsThemBack(SignVersion version, @TempDir Path dir) throws Throwable {
        OSS oss = Vended.forJwt(TestTokens.forSubject("alice")).client(version);
        byte[] content = new byte[12 * 1024 * 1024];
        new Random(20240612L + version.ordinal()).nextBytes(content);
        Path file = Files.write(dir.resolve("video.bin"), content);
        String key = "users/alice/big-" + version + ".bin";
        UploadFileRequest upload = new UploadFileRequest(BUCKET, key);
        upload.setUploadFile(file.toString());
        upload.setPartSize(1024 * 1024);
        upload.setTaskNum(3);
        // Without a checkpoint the SDK needs exactly what the write grant gives: Initiate, UploadPart, Complete.
        upload.setEnableCheckpoint(false);
        try {
            String etag = oss.uploadFile(upload).getMultipartUploadResult().getETag();
            assertTrue(etag.endsWith("-12"), "a 12-part multipart ETag, got " + etag);
            try (OSSObject object = oss.getObject(BUCKET, key)) {
                assertArrayEquals(content, object.getObjectContent().readAllBytes());
            }
            GetObjectRequest tail = new GetObjectRequest(BUCKET, key);
            tail.setRange(content.length - 1000, content.length - 1);
            try (OSSObject object = oss.getObject(tail)) {
                assertArrayEquals(Arrays.copyOfRange(content, content.length - 1000, content.length),
                        object.getObjectContent().readAllBytes());
            }
        } finally {
            oss.deleteObject(BUCKET, key);
            oss.shutdown();
        }
    }

    static List<String> keys(List<OSSObjectSummary> summaries) {
        return summaries.stream().map(OSSObjectSummary::getKey).toList();
    }
}
