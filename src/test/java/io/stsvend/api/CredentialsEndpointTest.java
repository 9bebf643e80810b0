package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stsvend.testing.TestTokens;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shape of {@code GET /credentials}: success body and headers, grants, and request-level errors. Pure HTTP apart
 * from {@link #ossEndpoint()}, so io.stsvend.it.CredentialsEndpointIT reruns it against the packaged application.
 */
@QuarkusTest
public class CredentialsEndpointTest {

    /** The OSS endpoint the response must name: the configured one (looked up, not injected, so subclasses may run outside the app). */
    protected Matcher<String> ossEndpoint() {
        return equalTo(ConfigProvider.getConfig().getValue("stsvend.oss.endpoint", String.class));
    }

    @Test
    void successCarriesCredentialsScopeAndNoStore() {
        given().auth().oauth2(TestTokens.forSubject("endpoint-alice"))
                .when().get("/credentials").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("accessKeyId", startsWith("STS."))
                .body("accessKeySecret", matchesPattern(".{20,}"))
                .body("securityToken", matchesPattern(".{40,}"))
                .body("expiration", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .body("region", equalTo("cn-hangzhou"))
                .body("endpoint", ossEndpoint())
                .body("grants", hasSize(1))
                .body("grants[0].bucket", equalTo("app-bucket"))
                .body("grants[0].prefix", equalTo("users/endpoint-alice/"))
                .body("grants[0].access", equalTo(List.of("read", "write", "delete", "list")));
    }

    @Test
    void viewerGroupAddsReadOnSharedAndTheListIsSorted() {
        Response response = given().auth().oauth2(TestTokens.forSubject("endpoint-val", "viewer"))
                .when().get("/credentials");
        response.then().statusCode(200).body("grants", hasSize(2));
        List<Map<String, Object>> grants = response.jsonPath().getList("grants");
        assertEquals("shared/", grants.get(0).get("prefix"));
        assertEquals(List.of("read", "list"), grants.get(0).get("access"));
        assertEquals("users/endpoint-val/", grants.get(1).get("prefix"));
    }

    @Test
    void unknownQueryParameterIs400Problem() {
        given().auth().oauth2(TestTokens.forSubject("endpoint-alice")).queryParam("bucket", "other")
                .when().get("/credentials").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("bad-request"));
    }

    @Test
    void unsupportedMethodIs405Problem() {
        given().auth().oauth2(TestTokens.forSubject("endpoint-alice"))
                .when().post("/credentials").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("method-not-allowed"));
    }

    @Test
    void problemBodiesNeverCarryStackTraces() {
        given().auth().oauth2("garbage.garbage.garbage").when().get("/credentials").then()
                .statusCode(401)
                .body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }
}
