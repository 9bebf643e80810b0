package io.stsvend.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;

/** The service's upload endpoints ({@code /uploads/form}, {@code /uploads/presign}) called as an app calls them. */
final class Uploads {

    private Uploads() {
    }

    /** POSTs {@code body} as JSON with the caller's bearer JWT; the answer is for the test to check. */
    static ValidatableResponse post(String jwt, String path, Object body) {
        return given().auth().oauth2(jwt).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** The body of a 200 answer, which must tell every cache not to keep it (it carries a signature). */
    static JsonPath granted(String jwt, String path, Object body) {
        return post(jwt, path, body).statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
    }
}
