package io.stsvend.testing;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** {@code GET /credentials} as an app would call it, for tests. */
public final class CredentialsCalls {

    private CredentialsCalls() {
    }

    public static Response get(String jwt) {
        return given().auth().oauth2(jwt).when().get("/credentials");
    }

    /** The accessKeyId of a 200 answer; fails the test on any other status. */
    public static String accessKeyId(String jwt) {
        return get(jwt).then().statusCode(200).extract().path("accessKeyId");
    }
}
