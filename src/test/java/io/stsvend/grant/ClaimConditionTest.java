package io.stsvend.grant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.stsvend.testing.TestClaims.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One meaning of "holds" for every claim (issue 14.11): whole strings, string elements, opt-in word splitting. */
class ClaimConditionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // value at the path, compared whole, space-separated
                Arguments.of("viewer", true, true),
                Arguments.of("admin viewer", false, true),
                Arguments.of("admin,viewer", false, false),
                Arguments.of(" viewer", false, true),
                Arguments.of("viewers", false, false),
                Arguments.of("", false, false),
                Arguments.of(List.of("admin", "viewer"), true, true),
                Arguments.of(List.of("admin viewer"), false, false),
                Arguments.of(Arrays.asList(1, null, true, Map.of(), List.of("viewer"), "viewer"), true, true),
                Arguments.of(List.of(List.of("viewer")), false, false),
                Arguments.of(Map.of("viewer", "viewer"), false, false),
                Arguments.of(true, false, false),
                Arguments.of(42, false, false),
                Arguments.of(4.5, false, false),
                Arguments.of("x ".repeat(3000) + "viewer", false, true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void holdsTheSameWayForEveryClaim(Object value, boolean whole, boolean words) {
        for (String path : List.of("groups", "realm_access.roles", "\"https://example.com/groups\"")) {
            ClaimPath parsed = ClaimPath.parse(path);
            Claims token = at(parsed, value);
            assertEquals(whole, new ClaimCondition(parsed, "viewer", false).holds(token), path + " whole");
            assertEquals(words, new ClaimCondition(parsed, "viewer", true).holds(token), path + " words");
        }
    }

    @Test
    void missingAndNullNeverHold() {
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("groups", null);
        for (Claims token : List.of(claims("a", Map.of()), claims("a", nulls))) {
            assertEquals(false, new ClaimCondition(ClaimPath.parse("groups"), "viewer", true).holds(token));
        }
    }

    @Test
    void aSpaceSeparatedValueWithWhiteSpaceIsNamedAsUnsatisfiable() {
        assertTrue(new ClaimCondition(ClaimPath.parse("scope"), "a b", true).unsatisfiable().isPresent());
        assertEquals(false, new ClaimCondition(ClaimPath.parse("scope"), "a b", false).unsatisfiable().isPresent());
    }

    /** A token with {@code value} at {@code path}. */
    private static Claims at(ClaimPath path, Object value) {
        Object nested = value;
        for (int i = path.names().size() - 1; i > 0; i--) {
            Map<String, Object> parent = new HashMap<>();
            parent.put(path.names().get(i), nested);
            nested = parent;
        }
        Map<String, Object> top = new HashMap<>();
        top.put(path.names().get(0), nested);
        return claims("a", top);
    }
}
