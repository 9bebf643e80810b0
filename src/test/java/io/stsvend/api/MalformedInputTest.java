package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Every malformed upload request is a problem+json {@code 400 bad-request}, never an empty body: JSON of the wrong
 * shape or type. The detail never echoes Jackson's text (class names, source locations).
 */
@QuarkusTest
class MalformedInputTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /uploads/presign|{"key":"users/mal/a.txt","method":"GET","expiresInSeconds":"abc"}
            /uploads/presign|{"key":["users/mal/a.txt"],"method":"GET"}
            /uploads/presign|[]
            /uploads/presign|{"key":"users/mal/a.txt",
            /uploads/presign|"just a string"
            /uploads/presign|{"key":{"a":1},"method":"GET"}
            /uploads/form|{"key":"users/mal/a.txt","maxBytes":"ten"}
            /uploads/form|{"key":"users/mal/a.txt","contentTypes":"text/plain"}
            /uploads/form|{"key":"users/mal/a.txt","callback":"yes please"}
            /uploads/form|[]
            """)
    void jsonOfTheWrongShapeIsABadRequestProblem(String path, String body) {
        given().auth().oauth2(TestTokens.forSubject("mal")).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("bad-request"))
                .body(not(containsString("jackson"))).body(not(containsString("io.stsvend")));
    }
}
