package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /q/openapi} describes {@code GET /credentials}: its body, its problems and its bearer scheme; and the
 * problem contract of every operation is derived from the catalogue, not copied. The document is the one the build
 * wrote ({@link OpenApiDocument}), served in the formats Quarkus's OpenAPI extension offered.
 */
@QuarkusTest
class OpenApiTest {

    static JsonPath document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theServedDocumentIsTheOneTheBuildWrote() {
        byte[] served = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(OpenApiDocument.read(OpenApiDocument.JSON), served);
    }

    /** Quarkus's extension built the document again at every start (about 0.1 s before ready); it must not return. */
    @Test
    void noOpenApiDocumentIsBuiltAtStartup() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("io.quarkus.smallrye.openapi.runtime.OpenApiRecorder"));
    }

    @Test
    void yamlUnlessJsonIsAskedFor() {
        given().when().get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml").body(startsWith("---\nopenapi: "));
        given().queryParam("format", "YAML").when().get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml");
        given().when().get("/q/openapi.yaml").then().statusCode(200).contentType("application/yaml");
        given().when().get("/q/openapi.yml").then().statusCode(200).contentType("application/yaml");
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .contentType("application/json");
        given().when().get("/q/openapi.json").then().statusCode(200).contentType("application/json")
                .body("openapi", startsWith("3."));
        given().when().head("/q/openapi").then().statusCode(200).contentType("application/yaml");
        String yaml = given().when().get("/q/openapi").then().extract().asString();
        assertArrayEquals(OpenApiDocument.read(OpenApiDocument.YAML), yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Local mode's routes exist in this test build but are not the API: the production build has none. */
    @Test
    void localModeRoutesAreNotDocumented() {
        Map<String, Object> paths = document().getMap("paths");
        assertFalse(paths.keySet().stream().anyMatch(p -> p.startsWith("/local/")), String.valueOf(paths.keySet()));
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

    @Test
    void problemCodesAreExactlyTheCatalogue() {
        List<String> codes = document().getList("components.schemas.Problem.properties.code.enum");
        assertEquals(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList(), codes,
                "every ErrorCode, and nothing else, is a documented problem code");
    }

    @Test
    void everyErrorResponseOfEveryOperationIsProblemJson() {
        Map<String, Object> paths = document().getMap("paths");
        int problems = 0;
        for (var path : paths.entrySet()) {
            for (var operation : ((Map<?, ?>) path.getValue()).entrySet()) {
                Object responses = at(operation.getValue(), "responses");
                if (!(responses instanceof Map<?, ?> byStatus)) {
                    continue;
                }
                for (var response : byStatus.entrySet()) {
                    if (String.valueOf(response.getKey()).matches("[45]\\d\\d")) {
                        problems++;
                        assertEquals("#/components/schemas/Problem",
                                at(response.getValue(), "content", "application/problem+json", "schema", "$ref"),
                                operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertTrue(problems >= 20, "the resources' error responses were all looked at: " + problems);
    }

    /** The value under {@code keys} in nested JSON objects, or null. */
    static Object at(Object node, String... keys) {
        for (String key : keys) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/uploads/presign", "/uploads/form"})
    void uploadOperationsKeepTheirSharedDeclarations(String path) {
        JsonPath doc = document();
        String operation = "paths.'" + path + "'.post.";
        assertNotNull(doc.get(operation + "requestBody.content.'application/json'"), path);
        assertNotNull(doc.get(operation + "responses.'200'.content.'application/json'.schema"), path);
        assertEquals("Malformed request (bad-request).", doc.getString(operation + "responses.'400'.description"));
        assertTrue(doc.getString(operation + "responses.'403'.description").contains("subject-blocked"), path);
        List<Map<String, Object>> security = doc.getList(operation + "security");
        assertTrue(security.stream().anyMatch(s -> s.containsKey("bearer")), String.valueOf(security));
    }

    /** The admin actions' shared refusals are declared once on the class and reach both operations. */
    @ParameterizedTest
    @ValueSource(strings = {"'/admin/subjects/{subject}/revoke'.post", "'/admin/subjects/{subject}/block'.delete"})
    void adminSubjectOperationsKeepTheirSharedDeclarations(String path) {
        JsonPath doc = document();
        String operation = "paths." + path + ".";
        for (String status : List.of("401", "403", "429", "503")) {
            assertNotNull(doc.get(operation + "responses.'" + status + "'.description"), path + " " + status);
        }
        assertNotNull(doc.get(operation + "responses.'503'.headers.'Retry-After'"), path);
        List<Map<String, Object>> security = doc.getList(operation + "security");
        assertTrue(security.stream().anyMatch(s -> s.containsKey("bearer")), String.valueOf(security));
    }
}
