package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ObjectMetadata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, objects (content and metadata) survive a restart, and deletions do too. */
class OssEmulatorPersistenceTest {

    @Test
    void objectsSurviveARestart(@TempDir Path dir) throws Exception {
        OssSettings settings = new OssSettings(List.of(new OssBucket(BUCKET, EmulatorFixture.OWNER)), "cn-hangzhou",
                "oss-cn-hangzhou.localhost", Optional.of(dir), 1024 * 1024);
        byte[] content = "kept on disk".getBytes(StandardCharsets.UTF_8);
        try (EmulatorFixture first = new EmulatorFixture(settings)) {
            OSS oss = first.client(SignVersion.V4, first.mint());
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.addUserMetadata("author", "alice");
            oss.putObject(BUCKET, "users/u123/kept.txt", new ByteArrayInputStream(content), metadata);
            oss.putObject(BUCKET, "users/u123/gone.txt", new ByteArrayInputStream(content));
            oss.deleteObject(BUCKET, "users/u123/gone.txt");
            oss.shutdown();
        }
        try (EmulatorFixture second = new EmulatorFixture(settings)) {
            OSS oss = second.client(SignVersion.V1, second.mint());
            try {
                assertArrayEquals(content, oss.getObject(BUCKET, "users/u123/kept.txt").getObjectContent()
                        .readAllBytes());
                assertEquals("alice", oss.getObjectMetadata(BUCKET, "users/u123/kept.txt").getUserMetadata()
                        .get("author"));
                assertFalse(oss.doesObjectExist(BUCKET, "users/u123/gone.txt"));
            } finally {
                oss.shutdown();
            }
        }
    }
}
