package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form issued with {@code contentTypes} stores only those types: every field that decides the stored type
 * ({@code x-oss-content-type}, which wins, and {@code Content-Type}, in any case) is pinned by the policy, so each
 * variant that would store another type is refused by the OSS emulator and nothing is stored.
 */
@QuarkusTest
class FormContentTypeE2eTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void bothTypeFieldsWithAListedTypeStoreIt() throws Exception {
        String jwt = TestTokens.forSubject("ctype-ok");
        String key = "users/ctype-ok/a.txt";
        JsonPath form = UploadFormE2eTest.form(jwt, Map.of("key", key, "contentTypes", List.of("text/plain")));

        HttpResponse<String> posted = BrowserForm.from(form).field("Content-Type", "text/plain")
                .field("x-oss-content-type", "text/plain").post(http);

        assertEquals(204, posted.statusCode(), posted.body());
        assertEquals("text/plain", storedType(jwt, key));
    }

    @Test
    void policyPinsBothTypeFields() {
        JsonPath form = UploadFormE2eTest.form(TestTokens.forSubject("ctype-pol"), Map.of("key",
                "users/ctype-pol/a.txt", "contentTypes", List.of("text/plain")));
        String policy = new String(Base64.getDecoder().decode(form.getString("fields.policy")), StandardCharsets.UTF_8);

        assertTrue(policy.contains("[\"in\",\"$content-type\",[\"text/plain\"]]"), policy);
        assertTrue(policy.contains("[\"in\",\"$x-oss-content-type\",[\"text/plain\"]]"), policy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            x-oss-content-type overrides|Content-Type|text/plain|x-oss-content-type|text/html
            upper-case x-oss-content-type|Content-Type|text/plain|X-OSS-CONTENT-TYPE|text/html
            mixed-case x-oss-content-type|Content-Type|text/plain|X-Oss-Content-Type|text/html
            lower-case content-type|content-type|text/html|x-oss-content-type|text/plain
            upper-case content-type|CONTENT-TYPE|text/html|x-oss-content-type|text/plain
            only Content-Type|Content-Type|text/plain||
            only x-oss-content-type|x-oss-content-type|text/plain||
            file part's type only||||
            empty x-oss-content-type|Content-Type|text/plain|x-oss-content-type|' '
            """)
    void anyOtherWayOfSettingTheTypeIsRefused(String why, String name1, String value1, String name2, String value2)
            throws Exception {
        String jwt = TestTokens.forSubject("ctype-no");
        String key = "users/ctype-no/" + why.replace(' ', '-').replace("'", "") + ".html";
        JsonPath form = UploadFormE2eTest.form(jwt, Map.of("key", key, "contentTypes", List.of("text/plain")));
        BrowserForm post = BrowserForm.from(form);
        if (name1 != null) {
            post.field(name1, value1);
        }
        if (name2 != null) {
            post.field(name2, value2);
        }

        HttpResponse<String> posted = post.post(http);

        assertEquals(403, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("Policy Condition failed"), posted.body());
        assertFalse(exists(jwt, key), "nothing was stored");
    }

    private static String storedType(String jwt, String key) {
        OSS oss = Vended.forJwt(jwt).client(SignVersion.V4);
        try {
            return oss.getObjectMetadata(BUCKET, key).getContentType();
        } finally {
            oss.shutdown();
        }
    }

    private static boolean exists(String jwt, String key) {
        OSS oss = Vended.forJwt(jwt).client(SignVersion.V4);
        try {
            return oss.doesObjectExist(BUCKET, key);
        } finally {
            oss.shutdown();
        }
    }
}
