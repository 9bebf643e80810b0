package io.stsvend.grant.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessRequestTest {

    private static final String ARN = "acs:oss:*:1234567890123456:app-bucket/users/alice/a.txt";

    @Test
    void contextKeysAreCaseInsensitive() {
        AccessRequest request = new AccessRequest("oss:ListObjects", "acs:oss:*:1:b",
                Map.of("oss:Prefix", List.of("users/")));
        assertEquals(List.of("users/"), request.values("OSS:PREFIX"));
        assertEquals(List.of("users/"), request.context().get("oss:prefix"));
        assertEquals(List.of(), request.values("oss:Delimiter"));
    }

    @Test
    void contextIsAnImmutableCopy() {
        List<String> values = new ArrayList<>(List.of("a"));
        Map<String, List<String>> context = new HashMap<>(Map.of("oss:Prefix", values));
        AccessRequest request = new AccessRequest("oss:ListObjects", "acs:oss:*:1:b", context);
        values.add("b");
        context.put("oss:Delimiter", List.of("/"));
        assertEquals(List.of("a"), request.values("oss:Prefix"));
        assertEquals(1, request.context().size());
        assertThrows(UnsupportedOperationException.class, () -> request.context().put("x:y", List.of("z")));
        assertThrows(UnsupportedOperationException.class, () -> request.values("oss:Prefix").add("c"));
    }

    @Test
    void withReplacesValuesWhateverTheCase() {
        AccessRequest request = AccessRequest.of("oss:ListObjects", "acs:oss:*:1:b")
                .with("oss:Prefix", "a").with("OSS:prefix", "b", "c");
        assertEquals(List.of("b", "c"), request.values("oss:Prefix"));
        assertEquals(1, request.context().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GetObject", "oss:", ":GetObject", "oss:Get*", "oss:Get?bject", "oss:Get Object",
            "oss:a:b"})
    void rejectsNonConcreteActions(String action) {
        assertThrows(IllegalArgumentException.class, () -> AccessRequest.of(action, ARN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "app-bucket/a", "acs:oss:*:1", "arn:oss:*:1:b", "acs::*:1:b", "acs:oss:*:1:"})
    void rejectsMalformedResources(String resource) {
        assertThrows(IllegalArgumentException.class, () -> AccessRequest.of("oss:GetObject", resource));
    }

    @Test
    void rejectsAmbiguousOrEmptyContext() {
        Map<String, List<String>> twice = new HashMap<>();
        twice.put("oss:Prefix", List.of("a"));
        twice.put("OSS:PREFIX", List.of("b"));
        assertThrows(IllegalArgumentException.class, () -> new AccessRequest("oss:GetObject", ARN, twice));
        assertThrows(IllegalArgumentException.class,
                () -> new AccessRequest("oss:GetObject", ARN, Map.of("oss:Prefix", List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> new AccessRequest("oss:GetObject", ARN, Map.of("oss:Prefix", Arrays.asList("a", null))));
        assertThrows(IllegalArgumentException.class,
                () -> new AccessRequest("oss:GetObject", ARN, Map.of("", List.of("a"))));
        assertThrows(NullPointerException.class, () -> new AccessRequest("oss:GetObject", ARN, null));
    }
}
