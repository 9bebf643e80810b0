package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.testing.OssXml.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;

import io.stsvend.testing.EachSignVersion;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PostObject uploads that succeed: addressing, response shapes, stored object, field handling. */
class OssEmulatorPostObjectTest {

    static final String PREFIX_POLICY_KEY = "[\"starts-with\",\"$key\",\"users/u123/\"]";
    static final String SIZE_RANGE = "[\"content-length-range\",1,1024]";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @EachSignVersion
    void uploadWithinThePrefixIsStoredAndAnswers204ByDefault(SignVersion version) throws Exception {
        HttpResponse<String> response = form(version, "users/u123/photo.txt").post(fixture.http, bucketUrl());
        EmulatorFixture.Decision decision = fixture.lastDecision();

        assertEquals(204, response.statusCode(), response.body());
        assertEquals("\"" + StoredObject.md5Hex("hello, form".getBytes(StandardCharsets.UTF_8)) + "\"",
                response.headers().firstValue("ETag").orElseThrow());
        assertEquals("hello, form", read("users/u123/photo.txt"));
        assertEquals("oss:PutObject", decision.action());
        assertEquals("acs:oss:*:" + EmulatorFixture.OWNER + ":" + BUCKET + "/users/u123/photo.txt",
                decision.resourceArn());
        assertEquals(fixture.session.accessKeyId(), decision.session().accessKeyId());
    }

    @EachSignVersion
    void status201AnswersAPostResponseDocument(SignVersion version) throws Exception {
        HttpResponse<String> response = form(version, "users/u123/a b.txt").field("success_action_status", "201")
                .post(fixture.http, bucketUrl());

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/xml", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(BUCKET, element(response.body(), "Bucket"));
        assertEquals("users/u123/a b.txt", element(response.body(), "Key"));
        assertEquals(response.headers().firstValue("ETag").orElseThrow(),
                element(response.body(), "ETag").replace("&quot;", "\""));
        assertTrue(element(response.body(), "Location").endsWith("/" + BUCKET + "/users/u123/a%20b.txt"));
    }

    @ParameterizedTest
    @CsvSource({"200, 200", "204, 204", "202, 204", "nonsense, 204"})
    void successActionStatusPicksTheEmptyResponseStatus(String requested, int expected) throws Exception {
        HttpResponse<String> response = form(SignVersion.V1, "users/u123/s.txt")
                .field("success_action_status", requested).post(fixture.http, bucketUrl());

        assertEquals(expected, response.statusCode(), response.body());
        assertEquals("", response.body());
    }

    @Test
    void successActionRedirectAnswers303ToThatUrl() throws Exception {
        HttpResponse<String> response = form(SignVersion.V4, "users/u123/r.txt")
                .field("success_action_redirect", "https://app.example/done?from=form").post(fixture.http, bucketUrl());

        assertEquals(303, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://app.example/done?from=form&bucket=app-bucket&key=users%2Fu123%2Fr.txt"),
                location);
    }

    @Test
    void virtualHostedPostToTheRootUploads() throws Exception {
        String response = form(SignVersion.V1, "users/u123/vh.txt").field("success_action_status", "201")
                .postVirtualHosted(fixture.port, BUCKET + ".oss-cn-hangzhou.localhost");

        assertTrue(response.startsWith("HTTP/1.1 201"), response);
        assertEquals("hello, form", read("users/u123/vh.txt"));
    }

    @Test
    void pathStyleWithoutTrailingSlashUploads() throws Exception {
        HttpResponse<String> response = form(SignVersion.V1, "users/u123/n.txt")
                .post(fixture.http, fixture.endpoint() + "/" + BUCKET);

        assertEquals(204, response.statusCode(), response.body());
    }

    @Test
    void fieldNamesAreCaseInsensitive() throws Exception {
        PostForm form = form(SignVersion.V1, "users/u123/case.txt");
        PostForm shouted = new PostForm();
        form.fields.forEach((name, value) -> shouted.field(name.toUpperCase(), value));

        HttpResponse<String> response = shouted.post(fixture.http, bucketUrl());

        assertEquals(204, response.statusCode(), response.body());
    }

    @Test
    void contentTypeAndMetadataComeFromTheForm() throws Exception {
        post(form(SignVersion.V1, "users/u123/part.bin").file(new byte[] {1, 2}, "image/png"));
        post(form(SignVersion.V1, "users/u123/field.bin").field("Content-Type", "image/jpeg")
                .file(new byte[] {1, 2}, "image/png"));
        post(form(SignVersion.V1, "users/u123/oss.bin").field("x-oss-content-type", "image/gif")
                .field("Content-Type", "image/jpeg").field("x-oss-meta-Album", "summer")
                .file(new byte[] {1, 2}, "image/png"));

        fixture.use(SignVersion.V1, fixture.session, oss -> {
            assertEquals("image/png", oss.getObjectMetadata(BUCKET, "users/u123/part.bin").getContentType());
            assertEquals("image/jpeg", oss.getObjectMetadata(BUCKET, "users/u123/field.bin").getContentType());
            assertEquals("image/gif", oss.getObjectMetadata(BUCKET, "users/u123/oss.bin").getContentType());
            assertEquals("summer", oss.getObjectMetadata(BUCKET, "users/u123/oss.bin").getUserMetadata()
                    .get("album"));
        });
    }

    @Test
    void fileThatIsNotTheLastFieldIsRefused() throws Exception {
        HttpResponse<String> response = form(SignVersion.V1, "users/u123/first.txt").fileFirst()
                .post(fixture.http, bucketUrl());

        assertEquals(400, response.statusCode());
        assertEquals("InvalidArgument", element(response.body(), "Code"));
        assertFalse(fixture.exists("users/u123/first.txt"));
    }

    @Test
    void forbidOverwriteKeepsTheExistingObject() throws Exception {
        post(form(SignVersion.V1, "users/u123/once.txt"));

        HttpResponse<String> response = form(SignVersion.V1, "users/u123/once.txt")
                .field("x-oss-forbid-overwrite", "true").file(new byte[] {9}, null).post(fixture.http, bucketUrl());

        assertEquals(409, response.statusCode());
        assertEquals("FileAlreadyExists", element(response.body(), "Code"));
        assertEquals("hello, form", read("users/u123/once.txt"));
    }

    private PostForm form(SignVersion version, String key) {
        Instant now = fixture.clock.instant();
        String policy = PostForm.policy(now.plus(Duration.ofMinutes(10)), PREFIX_POLICY_KEY, SIZE_RANGE);
        return PostForm.signed(fixture, version, fixture.session, key, policy, now);
    }

    private void post(PostForm form) throws Exception {
        HttpResponse<String> response = form.post(fixture.http, bucketUrl());
        assertEquals(204, response.statusCode(), response.body());
    }

    private String bucketUrl() {
        return fixture.endpoint() + "/" + BUCKET + "/";
    }

    private String read(String key) throws Exception {
        OSS oss = fixture.client(SignVersion.V1, fixture.session);
        try (OSSObject object = oss.getObject(BUCKET, key)) {
            return new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            oss.shutdown();
        }
    }
}
