package io.stsvend.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The web upload page: it is served, and the form it builds — a demo token from {@code /local/token}, a form for
 * {@code users/<sub>/} from {@code /uploads/form}, the returned fields in order with the file's name appended to the
 * key, then {@code file} — uploads to the emulator cross-origin, and the emulator lets the page read the answer.
 */
@QuarkusTest
class UploadPageE2eTest {

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL service;

    @Test
    void pageIsServedAndUsesTheFormEndpoint() {
        given().when().get("/upload.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("'/uploads/form'"))
                .body(containsString("'/local/token?sub='"))
                .body(containsString("data.append(name, name === 'key' ? value + file.name : value);"))
                .body(containsString("data.append('file', file);"));
    }

    @Test
    void theFormThePageBuildsUploads() throws Exception {
        String jwt = given().when().get("/local/token?sub=page-ann").then().statusCode(200).extract().asString()
                .trim();
        JsonPath form = Uploads.post(jwt, "/uploads/form", Map.of("keyPrefix", "users/page-ann/")).statusCode(200)
                .extract().jsonPath();
        BrowserForm browser = BrowserForm.from(form);
        browser.field("key", browser.fields.get("key") + BrowserForm.FILE_NAME);
        String origin = "http://" + service.getHost() + ":" + service.getPort();

        HttpResponse<String> posted = browser.header("Origin", origin).post(http);

        assertEquals(204, posted.statusCode(), posted.body());
        assertEquals("*", posted.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                "the page may read the emulator's cross-origin answer");
    }
}
