package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.testing.OssXml.element;
import static io.stsvend.cloudbox.oss.OssEmulatorPostObjectTest.PREFIX_POLICY_KEY;
import static io.stsvend.cloudbox.oss.OssEmulatorPostObjectTest.SIZE_RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.common.comm.SignVersion;

import io.stsvend.testing.EachSignVersion;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostObject uploads that must fail, each changing one thing of an otherwise valid signed form: policy conditions and
 * expiry, signature, token, authorizer. None of them may store the object.
 */
class OssEmulatorPostPolicyTest {

    private static final String KEY = "users/u123/photo.txt";
    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    @EachSignVersion
    void keyOutsideTheStartsWithPrefixFailsTheCondition(SignVersion version) throws Exception {
        HttpResponse<String> response = signed(version, "users/u999/photo.txt", PREFIX_POLICY_KEY)
                .post(fixture.http, bucketUrl());

        assertDenied(response, "Invalid according to Policy: Policy Condition failed: " + PREFIX_POLICY_KEY);
    }

    @EachSignVersion
    void fileOverTheSizeRangeFailsTheCondition(SignVersion version) throws Exception {
        HttpResponse<String> response = signed(version, KEY, PREFIX_POLICY_KEY, SIZE_RANGE)
                .file(new byte[1025], "text/plain").post(fixture.http, bucketUrl());

        assertDenied(response, "Invalid according to Policy: Policy Condition failed: " + SIZE_RANGE);
    }

    @EachSignVersion
    void expiredPolicyIsRefused(SignVersion version) throws Exception {
        PostForm form = signed(version, KEY, PREFIX_POLICY_KEY);
        fixture.clock.advance(Duration.ofMinutes(11));

        assertDenied(form.post(fixture.http, bucketUrl()), "Invalid according to Policy: Policy expired.");
    }

    /** Each row: a condition, a form field it is checked against (or none), and whether the upload passes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"in\",\"$content-type\",[\"image/jpeg\",\"text/plain\"]]   | Content-Type   | text/plain | true",
            "[\"in\",\"$content-type\",[\"image/jpeg\",\"image/png\"]]    | Content-Type   | text/plain | false",
            "[\"not-in\",\"$cache-control\",[\"no-cache\"]]               | Cache-Control  | max-age=60 | true",
            "[\"not-in\",\"$cache-control\",[\"no-cache\"]]               | Cache-Control  | no-cache   | false",
            "[\"eq\",\"$success_action_status\",\"201\"]                  | success_action_status | 201 | true",
            "[\"eq\",\"$success_action_status\",\"201\"]                  | success_action_status | 200 | false",
            "{\"x-oss-meta-album\":\"summer\"}                            | x-oss-meta-album | summer   | true",
            "{\"x-oss-meta-album\":\"summer\"}                            | x-oss-meta-album | winter   | false",
            "{\"bucket\":\"app-bucket\"}                                  | x-ignored      | x          | true",
            "{\"bucket\":\"other-bucket\"}                                | x-ignored      | x          | false"})
    void conditionsAreEnforced(String condition, String field, String value, boolean passes) throws Exception {
        HttpResponse<String> response = signed(SignVersion.V1, KEY, PREFIX_POLICY_KEY, condition)
                .field(field, value).post(fixture.http, bucketUrl());

        if (passes) {
            assertTrue(response.statusCode() / 100 == 2, response.body());
        } else {
            assertDenied(response, "Invalid according to Policy: Policy Condition failed: " + condition);
        }
    }

    @EachSignVersion
    void tamperedPolicyDoesNotMatchItsSignature(SignVersion version) throws Exception {
        PostForm form = signed(version, KEY, PREFIX_POLICY_KEY);
        String broader = PostForm.policy(fixture.clock.instant().plus(Duration.ofMinutes(10)),
                "[\"starts-with\",\"$key\",\"users/\"]");

        HttpResponse<String> response = form.field("policy", PostForm.base64(broader)).post(fixture.http, bucketUrl());

        assertError(response, 403, "SignatureDoesNotMatch");
    }

    @ParameterizedTest
    @CsvSource({"V1, Signature", "V4, x-oss-signature"})
    void tamperedSignatureIsRefused(SignVersion version, String signatureField) throws Exception {
        PostForm form = signed(version, KEY, PREFIX_POLICY_KEY);
        String signature = form.fields.get(signatureField);
        form.field(signatureField, (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));

        assertError(form.post(fixture.http, bucketUrl()), 403, "SignatureDoesNotMatch");
    }

    @EachSignVersion
    void missingSecurityTokenIsRefused(SignVersion version) throws Exception {
        PostForm form = signed(version, KEY, PREFIX_POLICY_KEY).without("x-oss-security-token");

        assertError(form.post(fixture.http, bucketUrl()), 403, "InvalidSecurityToken");
    }

    @EachSignVersion
    void anotherSessionsTokenIsRefused(SignVersion version) throws Exception {
        PostForm form = signed(version, KEY, PREFIX_POLICY_KEY)
                .field("x-oss-security-token", fixture.mint().securityToken());

        assertError(form.post(fixture.http, bucketUrl()), 403, "AccessKeyIdAndSecurityTokenNotMatch");
    }

    @EachSignVersion
    void authorizerDenialIsAccessDenied(SignVersion version) throws Exception {
        fixture.policy = (s, action, arn, context) -> !arn.endsWith("/" + KEY);

        HttpResponse<String> response = signed(version, KEY, PREFIX_POLICY_KEY).post(fixture.http, bucketUrl());

        assertEquals("oss:PutObject", fixture.lastDecision().action());
        assertDenied(response, "Access denied by authorizer's policy.");
    }

    @Test
    void formWithoutSignatureIsAnonymousAndRefused() throws Exception {
        PostForm form = new PostForm().field("key", KEY);

        assertDenied(form.post(fixture.http, bucketUrl()), "Anonymous access is forbidden for this operation.");
    }

    @Test
    void v1FormWithoutItsPolicyIsInvalid() throws Exception {
        assertError(signed(SignVersion.V1, KEY, PREFIX_POLICY_KEY).without("policy").post(fixture.http, bucketUrl()),
                400, "InvalidArgument");
    }

    @Test
    void v4FormSignedMoreThan15MinutesAheadIsTooSkewed() throws Exception {
        Instant now = fixture.clock.instant();
        PostForm form = PostForm.signed(fixture, SignVersion.V4, fixture.session, KEY,
                PostForm.policy(now.plus(Duration.ofHours(1)), PREFIX_POLICY_KEY), now.plus(Duration.ofMinutes(16)));

        assertError(form.post(fixture.http, bucketUrl()), 403, "RequestTimeTooSkewed");
    }

    private PostForm signed(SignVersion version, String key, String... conditions) {
        Instant now = fixture.clock.instant();
        return PostForm.signed(fixture, version, fixture.session, key,
                PostForm.policy(now.plus(Duration.ofMinutes(10)), conditions), now);
    }

    private void assertDenied(HttpResponse<String> response, String message) throws Exception {
        assertError(response, 403, "AccessDenied");
        assertEquals(message, element(response.body(), "Message").replace("&quot;", "\""));
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, element(response.body(), "Code"));
        fixture.policy = (s, action, arn, context) -> true;
        assertFalse(fixture.exists(KEY), "a refused upload must not be stored");
    }

    private String bucketUrl() {
        return fixture.endpoint() + "/" + BUCKET + "/";
    }
}
