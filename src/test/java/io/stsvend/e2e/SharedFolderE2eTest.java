package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.cloudbox.IssuedSession;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.assertDenied;
import static io.stsvend.e2e.OssAssertions.put;
import static io.stsvend.e2e.OssAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The {@code shared-viewer} rule end to end: the {@code viewer} group reads and lists {@code shared/} but cannot
 * write it, and a caller whose token no longer carries the group gets a new, narrower STS token on the very next
 * request instead of the cached broader one.
 */
@QuarkusTest
class SharedFolderE2eTest {

    @Inject
    CloudBox box;

    @Inject
    LocalCloudClock cloudClock;

    @ConfigProperty(name = "stsvend.oss.endpoint")
    String ossEndpoint;

    @ConfigProperty(name = "stsvend.oss.region")
    String region;

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void viewerReadsAndListsSharedButCannotWriteIt(SignVersion version) {
        String key = "shared/handbook-" + version + ".txt";
        publish(key, "read me");
        OSS viewer = Vended.forJwt(TestTokens.forSubject("val", "viewer")).client(version);
        try {
            assertEquals("read me", read(viewer, BUCKET, key));
            assertEquals(7, viewer.getObjectMetadata(BUCKET, key).getContentLength());
            assertEquals(List.of(key), OwnPrefixE2eTest.keys(
                    viewer.listObjects(BUCKET, "shared/handbook-" + version).getObjectSummaries()));
            assertDenied(() -> put(viewer, BUCKET, key, "defaced"));
            assertDenied(() -> put(viewer, BUCKET, "shared/new-" + version + ".txt", "planted"));
            assertDenied(() -> viewer.deleteObject(BUCKET, key));
            assertEquals("read me", read(viewer, BUCKET, key));
        } finally {
            viewer.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void losingTheGroupLosesSharedOnTheNextRequest(SignVersion version) {
        String subject = "vic-" + version.name().toLowerCase();
        String key = "shared/roster-" + version + ".txt";
        publish(key, "names");
        Vended asViewer = Vended.forJwt(TestTokens.forSubject(subject, "viewer"));
        OSS before = asViewer.client(version);
        try {
            assertEquals("names", read(before, BUCKET, key));
        } finally {
            before.shutdown();
        }

        Vended withoutGroup = Vended.forJwt(TestTokens.forSubject(subject));
        assertNotEquals(asViewer.accessKeyId(), withoutGroup.accessKeyId(), "a new STS token, not the cached one");
        OSS after = withoutGroup.client(version);
        try {
            assertDenied(() -> after.getObject(BUCKET, key));
            assertDenied(() -> after.listObjects(BUCKET, "shared/"));
            put(after, BUCKET, "users/" + subject + "/still-mine.txt", "own prefix unaffected");
        } finally {
            after.shutdown();
        }
    }

    /**
     * Puts an object into {@code shared/} as the operator would: with a session of the emulated role and no session
     * policy (the role's whole permission), since no vended token may write there.
     */
    private void publish(String key, String content) {
        IssuedSession operator = box.mintSession("e2e-operator", Optional.empty(),
                cloudClock.instant().plus(Duration.ofHours(1)));
        OSS oss = new Vended(operator.accessKeyId(), operator.accessKeySecret(), operator.securityToken(),
                operator.expiration(), region, ossEndpoint).client(SignVersion.V4);
        try {
            put(oss, BUCKET, key, content);
        } finally {
            oss.shutdown();
        }
    }
}
