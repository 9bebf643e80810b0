package io.stsvend.local;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** In local mode the benchmark's floor route verifies the JWT like /credentials, and answers only the subject. */
@QuarkusTest
class FloorResourceTest {

    @Test
    void verifiedCallerGetsTheirSubject() {
        given().auth().oauth2(TestTokens.forSubject("floor-alice")).when().get("/local/floor").then()
                .statusCode(200)
                .contentType("application/json")
                .body("sub", equalTo("floor-alice"));
    }

    @Test
    void noTokenIsRefused() {
        given().when().get("/local/floor").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }
}
