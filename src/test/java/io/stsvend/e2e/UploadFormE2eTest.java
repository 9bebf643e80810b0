package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.read;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /uploads/form}: the form it returns, posted as a browser posts it, uploads to the OSS emulator within
 * the granted prefix, and the emulator refuses it for another key, a file over the size range, and after expiry.
 */
@QuarkusTest
class UploadFormE2eTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    LocalCloudClock cloudClock;

    @Test
    void formUploadsUnderThePrefix() throws Exception {
        String jwt = TestTokens.forSubject("form-ann");
        JsonPath form = form(jwt, Map.of("keyPrefix", "users/form-ann/web/"));
        String key = "users/form-ann/web/photo.txt";

        HttpResponse<String> posted = BrowserForm.from(form).field("key", key).post(http);

        assertEquals(204, posted.statusCode(), posted.body());
        assertTrue(form.getString("url").endsWith("/" + BUCKET), "path style on the emulator's IP endpoint");
        OSS ann = Vended.forJwt(jwt).client(SignVersion.V4);
        try {
            assertEquals("hello from a browser", read(ann, BUCKET, key));
        } finally {
            ann.shutdown();
        }
    }

    @Test
    void callbackIsRefusedWhileNoCallbackUrlIsConfigured() {
        given().auth().oauth2(TestTokens.forSubject("form-cal")).contentType(ContentType.JSON)
                .header("Host", "attacker.example")
                .body(Map.of("keyPrefix", "users/form-cal/", "callback", true))
                .when().post("/uploads/form").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("bad-request"))
                .body("detail", org.hamcrest.Matchers.containsString("stsvend.callback.url"));
    }

    @Test
    void formWithoutCallbackCarriesNone() {
        JsonPath form = form(TestTokens.forSubject("form-nocal"), Map.of("keyPrefix", "users/form-nocal/"));
        assertEquals(null, form.getString("fields.callback"));
    }

    @Test
    void policyPinsTheBucketKeySizeAndSignatureFields() {
        JsonPath form = form(TestTokens.forSubject("form-bo"), Map.of("key", "users/form-bo/a.txt", "maxBytes", 99,
                "contentTypes", List.of("image/png")));
        String policy = new String(Base64.getDecoder().decode(form.getString("fields.policy")), StandardCharsets.UTF_8);

        assertTrue(policy.contains("{\"bucket\":\"app-bucket\"}"), policy);
        assertTrue(policy.contains("[\"eq\",\"$key\",\"users/form-bo/a.txt\"]"), policy);
        assertTrue(policy.contains("[\"content-length-range\",1,99]"), policy);
        assertTrue(policy.contains("[\"in\",\"$content-type\",[\"image/png\"]]"), policy);
        assertTrue(policy.contains("{\"x-oss-date\":\"" + form.getString("fields.x-oss-date") + "\"}"), policy);
        assertEquals(List.of("key", "policy", "x-oss-signature-version", "x-oss-credential", "x-oss-date",
                "x-oss-signature", "x-oss-security-token"), List.copyOf(form.getMap("fields").keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"another user's key, users/form-cy-other/x.txt", "outside the prefix, users/form-cy/x.txt"})
    void anotherKeyIsRefusedByTheEmulator(String why, String key) throws Exception {
        JsonPath form = form(TestTokens.forSubject("form-cy"), Map.of("keyPrefix", "users/form-cy/in/"));

        HttpResponse<String> posted = BrowserForm.from(form).field("key", key).post(http);

        assertEquals(403, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("AccessDenied"), posted.body());
    }

    @Test
    void exactKeyFormRefusesAnyOtherKey() throws Exception {
        JsonPath form = form(TestTokens.forSubject("form-di"), Map.of("key", "users/form-di/one.txt"));

        assertEquals(204, BrowserForm.from(form).post(http).statusCode());
        assertEquals(403, BrowserForm.from(form).field("key", "users/form-di/two.txt").post(http).statusCode());
    }

    @Test
    void fileOverTheSizeRangeIsRefused() throws Exception {
        JsonPath form = form(TestTokens.forSubject("form-ed"), Map.of("key", "users/form-ed/s.txt", "maxBytes", 10));

        assertEquals(204, BrowserForm.from(form).file(new byte[10]).post(http).statusCode());
        HttpResponse<String> over = BrowserForm.from(form).file(new byte[11]).post(http);
        assertEquals(403, over.statusCode(), over.body());
        assertTrue(over.body().contains("content-length-range"), over.body());
    }

    @Test
    void contentTypeMustBeOneOfTheListed() throws Exception {
        JsonPath form = form(TestTokens.forSubject("form-fy"), Map.of("key", "users/form-fy/p.png",
                "contentTypes", List.of("image/png", "image/jpeg")));

        assertEquals(204, BrowserForm.from(form).field("Content-Type", "image/png")
                .field("x-oss-content-type", "image/png").post(http).statusCode());
        assertEquals(403, BrowserForm.from(form).field("Content-Type", "text/html")
                .field("x-oss-content-type", "text/html").post(http).statusCode());
    }

    @Test
    void formExpiresOnTheEmulatorsClock() throws Exception {
        JsonPath form = form(TestTokens.forSubject("form-gu"), Map.of("key", "users/form-gu/late.txt",
                "expiresInSeconds", 120));

        cloudClock.advance(Duration.ofMinutes(3));
        HttpResponse<String> late = BrowserForm.from(form).post(http);

        assertEquals(403, late.statusCode(), late.body());
        assertTrue(late.body().contains("Policy expired"), late.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "another user's prefix, keyPrefix, users/form-hal-other/",
            "wider than the grant, keyPrefix, users/",
            "read-only shared folder, keyPrefix, shared/",
            "another user's key, key, users/form-hal-other/a.txt"})
    void outsideTheGrantsIsForbidden(String why, String field, String value) {
        Uploads.post(TestTokens.forSubject("form-hal", "viewer"), "/uploads/form", Map.of(field, value))
                .statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            both key and prefix|{"key":"users/form-io/a","keyPrefix":"users/form-io/"}
            neither|{"maxBytes":5}
            zero maxBytes|{"key":"users/form-io/a","maxBytes":0}
            bad content type|{"key":"users/form-io/a","contentTypes":["text"]}
            dot segment|{"keyPrefix":"users/form-io/../x/"}
            """)
    void malformedRequestsAreBadRequests(String why, String body) {
        given().auth().oauth2(TestTokens.forSubject("form-io")).contentType(ContentType.JSON).body(body)
                .when().post("/uploads/form").then().statusCode(400).body("code", equalTo("bad-request"));
    }

    static JsonPath form(String jwt, Map<String, Object> body) {
        return Uploads.granted(jwt, "/uploads/form", body);
    }
}
