package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.TestTokens;

import io.smallrye.jwt.build.JwtClaimsBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grant rules on the claims real identity providers send, end to end through JWT verification: nested paths
 * (Keycloak's {@code realm_access.roles}, {@code resource_access.<client>.roles}), namespaced names
 * ({@code https://example.com/groups}, {@code cognito:groups}), space-separated {@code scope}, a template reading a
 * namespaced claim; and every odd claim shape in a rule's path, which gives 403 {@code invalid-claim} or no match,
 * never a 5xx.
 */
@QuarkusTest
@TestProfile(ClaimPathRulesTest.IdpRules.class)
class ClaimPathRulesTest {

    static final String USERNAME_CLAIM = "https://example.com/username";

    public static class IdpRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            rule(config, 2, "realm-admins", "realm/", "realm_access.roles", "admin", false);
            rule(config, 3, "client-editors", "client/", "resource_access.\"my.app\".roles", "editor", false);
            rule(config, 4, "namespaced", "ns/", "\"https://example.com/groups\"", "staff", false);
            rule(config, 5, "cognito", "cognito/", "cognito:groups", "ops", false);
            rule(config, 6, "scoped", "reports/", "scope", "reports.read", true);
            rule(config, 7, "by-username", "people/\\${claim.\"" + USERNAME_CLAIM + "\"}/", "scope", "profile", true);
            return config;
        }

        private static void rule(Map<String, String> config, int i, String name, String prefix, String claim,
                                 String contains, boolean spaceSeparated) {
            String at = "stsvend.grants.rules[" + i + "].";
            config.put(at + "name", name);
            config.put(at + "bucket", "app-bucket");
            config.put(at + "prefix", prefix);
            config.put(at + "access", "read");
            config.put(at + "when.claim", claim);
            config.put(at + "when.contains", contains);
            config.put(at + "when.space-separated", String.valueOf(spaceSeparated));
        }
    }

    static String sign(JwtClaimsBuilder claims) {
        return claims.sign(TestTokens.privateKey("test-keys/privateKey.pem"));
    }

    static List<String> prefixes(String token) {
        return given().auth().oauth2(token).when().get("/credentials").then().statusCode(200)
                .extract().jsonPath().getList("grants.prefix", String.class);
    }

    @Test
    void keycloakRealmAndClientRolesSelectRules() {
        String token = sign(TestTokens.claims("kc-user")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "admin")))
                .claim("resource_access", Map.of("my.app", Map.of("roles", List.of("editor")),
                        "my", Map.of("app", Map.of("roles", List.of("viewer"))))));
        List<String> prefixes = prefixes(token);
        assertTrue(prefixes.contains("realm/"), prefixes.toString());
        assertTrue(prefixes.contains("client/"), prefixes.toString());
    }

    @Test
    void dottedPathNeverMeansAFlatNameWithDots() {
        // resource_access."my.app".roles is the member "my.app"; nesting my -> app must not be confused with it.
        String token = sign(TestTokens.claims("kc-nested")
                .claim("resource_access", Map.of("my", Map.of("app", Map.of("roles", List.of("editor")))))
                .claim("realm_access.roles", List.of("admin")));
        assertEquals(List.of("users/kc-nested/"), prefixes(token));
    }

    @Test
    void namespacedNamesSelectRules() {
        String token = sign(TestTokens.claims("ns-user")
                .claim("https://example.com/groups", List.of("staff"))
                .claim("cognito:groups", List.of("ops")));
        List<String> prefixes = prefixes(token);
        assertTrue(prefixes.containsAll(List.of("ns/", "cognito/")), prefixes.toString());
    }

    @Test
    void spaceSeparatedScopeHoldsEachWordOnly() {
        assertTrue(prefixes(sign(TestTokens.claims("s1").claim("scope", "openid reports.read email")))
                .contains("reports/"));
        assertFalse(prefixes(sign(TestTokens.claims("s2").claim("scope", "openid reports.readonly")))
                .contains("reports/"));
        assertTrue(prefixes(sign(TestTokens.claims("s3").claim("scope", List.of("reports.read"))))
                .contains("reports/"), "an array scope (Okta's scp style) is read element by element");
    }

    /** Issue 14.11: a string {@code groups} is one value, compared whole, like every other string claim. */
    @Test
    void stringGroupsIsComparedWholeNotSplitOnSpaces() {
        assertFalse(prefixes(sign(TestTokens.claims("g1").claim("groups", "admin viewer"))).contains("shared/"));
        assertFalse(prefixes(sign(TestTokens.claims("g2").claim("groups", "admin,viewer"))).contains("shared/"));
        assertTrue(prefixes(sign(TestTokens.claims("g3").claim("groups", "viewer"))).contains("shared/"));
        assertTrue(prefixes(sign(TestTokens.claims("g4").claim("groups", List.of("admin", "viewer"))))
                .contains("shared/"));
    }

    @Test
    void templateReadsANamespacedUsernameClaim() {
        String token = sign(TestTokens.claims("0b9e2d7c-5f7a-4c3e-9c1e-6f1f3a0e8d21").claim("scope", "openid profile")
                .claim(USERNAME_CLAIM, "alice"));
        assertTrue(prefixes(token).contains("people/alice/"));
    }

    static Stream<Arguments> shapes() {
        Map<String, Object> deep = Map.of("leaf", "viewer");
        for (int i = 0; i < 5; i++) {
            deep = Map.of("n", deep);
        }
        List<Object> mixed = new ArrayList<>();
        mixed.add(1);
        mixed.add(Map.of("viewer", "viewer"));
        mixed.add(List.of("viewer"));
        mixed.add(true);
        return Stream.of(
                Arguments.of("object", Map.of("viewer", "viewer")),
                Arguments.of("empty object", Map.of()),
                Arguments.of("boolean", true),
                Arguments.of("integer", 42),
                Arguments.of("decimal", 4.5),
                Arguments.of("nested array", List.of(List.of("viewer"), List.of("admin"))),
                Arguments.of("array of non-strings", mixed),
                Arguments.of("empty array", List.of()),
                Arguments.of("empty string", ""),
                Arguments.of("very long string", "viewer ".repeat(600)),
                Arguments.of("very long array", java.util.Collections.nCopies(500, "x")),
                Arguments.of("deeply nested object", deep));
    }

    /** Each shape at a plain claim, at a nested path's parent and at its leaf: the rule just does not apply. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void oddShapesInAConditionNeverMatchAndNever5xx(String shape, Object value) {
        try (LogCapture logs = LogCapture.install()) {
            Map<String, Object> claims = TestTokens.payload("shape-user");
            claims.put("groups", value);
            claims.put("realm_access", value);
            claims.put("resource_access", Map.of("my.app", Map.of("roles", value)));
            claims.put("cognito:groups", value);
            claims.put("scope", value);
            String token = TestTokens.signPayload(claims);
            int status = given().auth().oauth2(token).when().get("/credentials").then()
                    .extract().statusCode();
            assertTrue(status == 200 || status == 403 || status == 400 || status == 431, shape + " gave " + status);
            if (status == 200) {
                List<String> prefixes = prefixes(token);
                assertEquals(List.of("users/shape-user/"), prefixes, shape);
            }
            assertTrue(logs.lines().stream().noneMatch(l -> l.level().intValue() >= Level.WARNING.intValue()),
                    shape + " logged a warning or error: " + logs.lines());
        }
    }

    /** Each shape where a template needs the value: 403 invalid-claim, naming the claim, not the value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void oddShapesInATemplateAre403InvalidClaim(String shape, Object value) {
        Map<String, Object> claims = TestTokens.payload("shape-tpl");
        claims.put("scope", "profile");
        claims.put(USERNAME_CLAIM, value);
        String token = TestTokens.signPayload(claims);
        given().auth().oauth2(token).when().get("/credentials").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("invalid-claim"));
    }

    @Test
    void nullClaimIsAbsent() {
        Map<String, Object> claims = TestTokens.payload("null-user");
        claims.put("groups", null);
        claims.put("realm_access", Map.of());
        given().auth().oauth2(TestTokens.signPayload(claims)).when().get("/credentials").then().statusCode(200)
                .body("grants.prefix", not(hasItem("shared/")));
        Map<String, Object> template = TestTokens.payload("null-tpl");
        template.put("scope", "profile");
        template.put(USERNAME_CLAIM, null);
        given().auth().oauth2(TestTokens.signPayload(template)).when().get("/credentials").then().statusCode(403)
                .body("code", equalTo("invalid-claim"));
    }
}
