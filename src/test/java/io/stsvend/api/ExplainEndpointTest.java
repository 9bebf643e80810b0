package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** {@code GET /credentials/explain}: the caller's own explanation; bad parameters are problems, never 500s. */
@QuarkusTest
class ExplainEndpointTest {

    static final String VIEWER = TestTokens.forSubject("erin", "viewer");

    @Test
    void aViewerSeesBothRulesMatchAndTheSharedReadAllowed() {
        given().auth().oauth2(VIEWER).queryParam("action", "oss:GetObject")
                .queryParam("resource", "acs:oss:*:*:app-bucket/shared/readme.txt")
                .when().get("/credentials/explain").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("subject", equalTo("erin"))
                .body("rules.outcome", org.hamcrest.Matchers.contains("matched", "matched"))
                .body("grants.prefix", org.hamcrest.Matchers.contains("shared/", "users/erin/"))
                .body("decision.decision", equalTo("allowed"))
                .body("decision.rolePolicy.evaluated", equalTo(true));
    }

    @Test
    void withoutAQuestionThereIsNoDecision() {
        given().auth().oauth2(VIEWER).when().get("/credentials/explain").then().statusCode(200)
                .body("decision", nullValue())
                // Own objects, shared reads, and one ListObjects statement for the bucket with both prefixes.
                .body("sessionPolicy.Statement.size()", equalTo(3))
                .body("sessionPolicy.Statement[2].Condition.StringLike.'oss:Prefix'",
                        org.hamcrest.Matchers.contains("shared/*", "users/erin/*"));
    }

    @Test
    void eachBadParameterIsABadRequest() {
        String[][] queries = {
                {"action", "oss:GetObject"},
                {"resource", "acs:oss:*:*:app-bucket/x"},
                {"access", "read"},
                {"action", "oss:*", "resource", "acs:oss:*:*:app-bucket/x"},
                {"action", "oss:GetObject", "resource", "bucket/x"},
                {"action", "oss:GetObject", "resource", "acs:oss:*:*:app-bucket/x", "prefix", "users/"},
                {"action", "oss:GetObject", "action", "oss:PutObject", "resource", "acs:oss:*:*:app-bucket/x"}};
        for (String[] query : queries) {
            var request = given().auth().oauth2(VIEWER);
            for (int i = 0; i < query.length; i += 2) {
                request.queryParam(query[i], query[i + 1]);
            }
            request.when().get("/credentials/explain").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("bad-request"));
        }
    }

    @Test
    void noTokenIsUnauthenticated() {
        given().when().get("/credentials/explain").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"));
    }
}
