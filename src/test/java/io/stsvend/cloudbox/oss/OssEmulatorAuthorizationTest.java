package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ListObjectsRequest;

import io.stsvend.testing.EachSignVersion;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;

/** What the emulator asks the {@link OssAuthorizer} (action, ARN, context) and how it enforces the answer. */
class OssEmulatorAuthorizationTest {

    private static final String BUCKET_ARN = "acs:oss:*:" + EmulatorFixture.OWNER + ":" + BUCKET;

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @EachSignVersion
    void authorizerSeesActionArnAndContext(SignVersion version) throws Exception {
        fixture.use(version, fixture.session, oss -> {
            oss.putObject(BUCKET, "users/u123/a b+c.txt", new ByteArrayInputStream(new byte[] {1}));
            EmulatorFixture.Decision put = fixture.lastDecision();
            assertEquals("oss:PutObject", put.action());
            assertEquals(BUCKET_ARN + "/users/u123/a b+c.txt", put.resourceArn());
            assertEquals(List.of(fixture.session.accessKeyId()), put.context().get("acs:AccessId"));
            assertEquals(List.of("false"), put.context().get("acs:SecureTransport"));
            assertEquals(List.of("127.0.0.1"), put.context().get("acs:SourceIp"));
            assertEquals(List.of(fixture.clock.instant().toString()), put.context().get("acs:CurrentTime"));
            assertTrue(put.context().get("acs:UserAgent").get(0).startsWith("aliyun-sdk-java"));
            assertEquals("u123", put.session().roleSessionName());

            oss.listObjects(new ListObjectsRequest(BUCKET, "users/u123/", null, "/", 10));
            EmulatorFixture.Decision list = fixture.lastDecision();
            assertEquals("oss:ListObjects", list.action());
            assertEquals(BUCKET_ARN, list.resourceArn());
            assertEquals(List.of("users/u123/"), list.context().get("oss:Prefix"));
            assertEquals(List.of("/"), list.context().get("oss:Delimiter"));

            oss.listObjectsV2(BUCKET);
            assertEquals(List.of(""), fixture.lastDecision().context().get("oss:Prefix"));

            oss.getSimplifiedObjectMeta(BUCKET, "users/u123/a b+c.txt");
            assertEquals("oss:GetObject", fixture.lastDecision().action());
            oss.getBucketInfo(BUCKET);
            assertEquals("oss:GetBucketInfo", fixture.lastDecision().action());
            assertEquals(BUCKET_ARN, fixture.lastDecision().resourceArn());
            oss.deleteObject(BUCKET, "users/u123/a b+c.txt");
            assertEquals("oss:DeleteObject", fixture.lastDecision().action());
        });
    }

    @EachSignVersion
    void prefixPolicyAllowsOwnPrefixOnly(SignVersion version) throws Exception {
        fixture.policy = (s, action, arn, context) -> action.equals("oss:ListObjects")
                ? arn.equals(BUCKET_ARN) && context.get("oss:Prefix").get(0).startsWith("users/u123/")
                : arn.startsWith(BUCKET_ARN + "/users/u123/");
        fixture.use(version, fixture.session, oss -> {
            oss.putObject(BUCKET, "users/u123/mine.txt", new ByteArrayInputStream(new byte[] {1}));
            assertEquals(1, oss.listObjects(BUCKET, "users/u123/").getObjectSummaries().size());

            assertDenied(() -> oss.putObject(BUCKET, "users/u999/theirs.txt", new ByteArrayInputStream(new byte[1])));
            assertDenied(() -> oss.getObject(BUCKET, "users/u999/theirs.txt"));
            assertDenied(() -> oss.listObjects(BUCKET, "users/u999/"));
            assertDenied(() -> oss.listObjectsV2(BUCKET));
        });
    }

    @EachSignVersion
    void authorizerFailureDeniesInsteadOfAllowing(SignVersion version) throws Exception {
        fixture.policy = (s, action, arn, context) -> {
            throw new IllegalStateException("policy store unavailable");
        };
        fixture.use(version, fixture.session, oss -> assertDenied(() -> oss.getBucketInfo(BUCKET)));
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        OSSException e = assertThrows(OSSException.class, call);
        assertEquals("AccessDenied", e.getErrorCode());
        assertEquals("Access denied by authorizer's policy.", e.getErrorMessage());
    }
}
