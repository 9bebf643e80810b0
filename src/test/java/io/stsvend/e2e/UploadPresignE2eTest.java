package io.stsvend.e2e;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /uploads/presign}: URLs from the service work with a plain HTTP client against the OSS emulator, carry
 * the STS token, stay within the caller's grants, and never outlive the configured cap.
 */
@QuarkusTest
class UploadPresignE2eTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @ValueSource(strings = {"V4", "V1"})
    void putThenGetThroughPresignedUrls(String version) throws Exception {
        String jwt = TestTokens.forSubject("presign-ann");
        String key = "users/presign-ann/link " + version + ".txt";
        JsonPath put = presign(jwt, Map.of("key", key, "method", "PUT", "signatureVersion", version));
        assertEquals(version, put.getString("signatureVersion"));
        assertEquals("app-bucket", put.getString("bucket"));
        assertTrue(put.getString("url").contains("security-token"), "the URL carries the STS token");
        assertEquals(200, send("PUT", put.getString("url"), "through a presigned PUT").statusCode());

        JsonPath get = presign(jwt, Map.of("key", key, "method", "GET", "signatureVersion", version));
        HttpResponse<String> got = send("GET", get.getString("url"), null);
        assertEquals(200, got.statusCode());
        assertEquals("through a presigned PUT", got.body());
    }

    @Test
    void lifetimeIsCappedByConfiguration() {
        JsonPath url = presign(TestTokens.forSubject("presign-bea"),
                Map.of("key", "users/presign-bea/a.txt", "method", "GET", "expiresInSeconds", 86400));
        Instant expires = Instant.parse(url.getString("expiresAt"));
        assertFalse(expires.isAfter(Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(5)),
                "capped at stsvend.uploads.max-lifetime (15 min)");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, users/presign-other/a.txt, 403",
            "PUT, shared/a.txt, 403",
            "GET, other-prefix/a.txt, 403",
            "DELETE, users/presign-cy/a.txt, 400",
            "GET, users/presign-cy/../presign-other/a.txt, 400",
            "GET, /users/presign-cy/a.txt, 400"})
    void outsideTheGrantsOrMalformedIsRefused(String method, String key, int status) {
        Uploads.post(TestTokens.forSubject("presign-cy", "viewer"), "/uploads/presign",
                Map.of("key", key, "method", method)).statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(status == 403 ? "forbidden" : "bad-request"));
    }

    @Test
    void otherBucketIsForbidden() {
        Uploads.post(TestTokens.forSubject("presign-cy"), "/uploads/presign",
                Map.of("bucket", "other-bucket", "key", "users/presign-cy/a.txt", "method", "GET"))
                .statusCode(403).body("code", equalTo("forbidden"));
    }

    private static JsonPath presign(String jwt, Map<String, Object> body) {
        return Uploads.granted(jwt, "/uploads/presign", body);
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
