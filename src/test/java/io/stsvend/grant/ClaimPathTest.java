package io.stsvend.grant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stsvend.testing.TestClaims.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one path syntax for claims, in rules' {@code when} and in prefix templates. */
class ClaimPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            groups                           | groups
            realm_access.roles               | realm_access,roles
            resource_access.my-app.roles     | resource_access,my-app,roles
            'resource_access."my.app".roles' | resource_access,my.app,roles
            cognito:groups                   | cognito:groups
            '"https://example.com/groups"'   | https://example.com/groups
            '"a\\"b".c'                      | a"b,c
            '"back\\\\slash"'                | back\\slash
            """)
    void parsesNames(String text, String names) {
        ClaimPath path = ClaimPath.parse(text);
        assertEquals(List.of(names.split(",")), path.names());
        assertEquals(path, ClaimPath.parse(path.toString()), "canonical text reads back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a.", ".a", "a..b", "https://example.com/groups", "a b", "\"unterminated",
            "\"\"", "\"a\"b", "\"bad\\escape\"", "a.b.c.d.e.f.g.h.i", "ålice", "a\u0000"})
    void refusesAmbiguousOrMalformedPaths(String text) {
        assertThrows(IllegalArgumentException.class, () -> ClaimPath.parse(text));
    }

    @Test
    void eightNamesIsTheDeepestPath() {
        assertEquals(8, ClaimPath.parse("a.b.c.d.e.f.g.h").names().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClaimPath.parse("a.b.c.d.e.f.g.h.i"));
        assertTrue(e.getMessage().contains("no token could satisfy it"), e.getMessage());
    }

    @Test
    void resolvesNestedObjectsOnly() {
        Claims token = claims("kc", Map.of(
                "realm_access", Map.of("roles", List.of("admin")),
                "list", List.of(Map.of("roles", List.of("admin"))),
                "text", "roles"));
        assertEquals(Optional.of(List.of("admin")), ClaimPath.parse("realm_access.roles").resolve(token));
        assertEquals(Optional.empty(), ClaimPath.parse("realm_access.missing").resolve(token));
        assertEquals(Optional.empty(), ClaimPath.parse("list.roles").resolve(token), "never through an array");
        assertEquals(Optional.empty(), ClaimPath.parse("text.roles").resolve(token), "never through a string");
        assertEquals(Optional.empty(), ClaimPath.parse("nope.roles").resolve(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "nbf", "auth_time", "email_verified", "sub.name", "iss.x", "aud.x",
            "scope.read"})
    void pathsNoTokenCouldSatisfyAreNamed(String text) {
        assertTrue(ClaimPath.parse(text).unsatisfiable().isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"groups", "aud", "sub", "scope", "realm_access.roles", "\"https://example.com/groups\""})
    void ordinaryPathsAreSatisfiable(String text) {
        assertEquals(Optional.empty(), ClaimPath.parse(text).unsatisfiable(), text);
    }
}
