package io.stsvend.grant;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClaimValuesTest {

    static Stream<Object> unsafeValues() {
        return Stream.of("*", "alice/*", "../bob", "a/b", "alice?", "${sub}", "x".repeat(129), "ålice", "al ice",
                "alice\n", "alice\u0000", "", ".", "..", "a\tb", "%2e%2e", "alice\\bob", 42, 42L, true,
                List.of("alice"), List.of());
    }

    @ParameterizedTest
    @MethodSource("unsafeValues")
    void unsafeValuesAreRefused(Object value) {
        CodedException e = assertThrows(CodedException.class, () -> ClaimValues.requireSafe("sub", value));
        assertEquals(ErrorCode.INVALID_CLAIM, e.errorCode());
        assertEquals(false, e.getMessage().contains(String.valueOf(value)) && String.valueOf(value).length() > 3,
                "the refusal never echoes the value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a", "alice@example.com", "user_1", "A-B.c", "...", "a..b"})
    void safeValuesPass(String value) {
        assertEquals(value, ClaimValues.requireSafe("sub", value));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 128})
    void lengthBoundsAreInclusive(int length) {
        String value = "x".repeat(length);
        assertEquals(value, ClaimValues.requireSafe("sub", value));
    }
}
