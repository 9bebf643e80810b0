package io.stsvend.local;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** In local mode a demo JWT from /local/token is accepted by /credentials under the normal verification. */
@QuarkusTest
class DemoTokenTest {

    @Test
    void demoTokenBuysCredentials() {
        String token = given().queryParam("sub", "demo-alice").queryParam("groups", "viewer")
                .when().get("/local/token").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract().asString().trim();
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(200)
                .body("grants", hasSize(2))
                .body("grants[1].prefix", equalTo("users/demo-alice/"));
    }

    @Test
    void subIsRequired() {
        given().when().get("/local/token").then().statusCode(400);
    }

    @Test
    void customClaimsAreCarried() {
        String token = given().queryParam("sub", "demo-carol").queryParam("claim.groups", "viewer")
                .when().get("/local/token").then().statusCode(200).extract().asString().trim();
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(200).body("grants", hasSize(2));
    }
}
