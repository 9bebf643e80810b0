package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /q/openapi} describes {@code GET /credentials}: its body, its problems and its bearer scheme. */
@QuarkusTest
class OpenApiTest {

    static JsonPath document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void successBodyIsTheCredentialsSchema() {
        JsonPath doc = document();
        assertEquals("#/components/schemas/Credentials",
                doc.getString("paths.'/credentials'.get.responses.'200'.content.'application/json'.schema.$ref"));
        Map<String, Object> properties = doc.getMap("components.schemas.Credentials.properties");
        assertTrue(properties.keySet().containsAll(List.of("accessKeyId", "accessKeySecret", "securityToken",
                "expiration", "region", "endpoint", "grants")), properties::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"400", "401", "403", "429", "431", "500", "502", "503"})
    void everyProblemResponseIsProblemJson(String status) {
        assertEquals("#/components/schemas/Problem", document().getString(
                "paths.'/credentials'.get.responses.'" + status + "'.content.'application/problem+json'.schema.$ref"));
    }

    @Test
    void retryableProblemsDocumentRetryAfter() {
        JsonPath doc = document();
        assertNotNull(doc.get("paths.'/credentials'.get.responses.'429'.headers.Retry-After"));
        assertNotNull(doc.get("paths.'/credentials'.get.responses.'503'.headers.Retry-After"));
    }

    @Test
    void bearerSchemeIsDeclaredAndRequired() {
        JsonPath doc = document();
        assertEquals("http", doc.getString("components.securitySchemes.bearer.type"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertEquals("JWT", doc.getString("components.securitySchemes.bearer.bearerFormat"));
        List<Map<String, Object>> security = doc.getList("paths.'/credentials'.get.security");
        assertTrue(security.stream().anyMatch(s -> s.containsKey("bearer")), String.valueOf(security));
    }

    @Test
    void revocationIsDocumentedWithItsProblemsAndTheNewCode() {
        JsonPath doc = document();
        String revoke = "paths.'/admin/subjects/{subject}/revoke'.post.responses.";
        assertNotNull(doc.get(revoke + "'200'.content.'application/json'.schema"));
        for (String status : List.of("400", "401", "403", "429")) {
            assertEquals("#/components/schemas/Problem",
                    doc.getString(revoke + "'" + status + "'.content.'application/problem+json'.schema.$ref"), status);
        }
        assertNotNull(doc.get("paths.'/admin/subjects/{subject}/block'.delete.responses.'204'"));
        List<String> codes = doc.getList("components.schemas.Problem.properties.code.enum");
        assertTrue(codes.contains("subject-blocked"), String.valueOf(codes));
        assertTrue(doc.getString("paths.'/credentials'.get.responses.'403'.description").contains("subject-blocked"));
    }
}
