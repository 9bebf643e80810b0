package io.stsvend.grant;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.stsvend.grant.Access.LIST;
import static io.stsvend.grant.Access.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GrantNarrowingTest {

    static final Grant OWN = new Grant("app-bucket", "users/alice/", EnumSet.allOf(Access.class), Optional.empty());
    static final Grant SHARED = new Grant("app-bucket", "shared/", EnumSet.of(READ, LIST), Optional.empty());
    static final List<Grant> GRANTS = List.of(SHARED, OWN);

    @Test
    void absentParametersNarrowNothing() {
        GrantNarrowing none = GrantNarrowing.parse(null, null);
        assertSame(GRANTS, none.apply(GRANTS));
    }

    @Test
    void accessAloneIntersectsEveryGrant() {
        List<Grant> narrowed = GrantNarrowing.parse("read", null).apply(GRANTS);
        assertEquals(List.of(grant("shared/", READ), grant("users/alice/", READ)), narrowed);
    }

    @Test
    void prefixAloneKeepsOnlyTheGrantsAboveIt() {
        List<Grant> narrowed = GrantNarrowing.parse(null, "users/alice/album/").apply(GRANTS);
        assertEquals(List.of(new Grant("app-bucket", "users/alice/album/", EnumSet.allOf(Access.class),
                Optional.empty())), narrowed);
    }

    @Test
    void accessAndPrefixTogether() {
        List<Grant> narrowed = GrantNarrowing.parse("read,list", "shared/").apply(GRANTS);
        assertEquals(List.of(SHARED), narrowed);
    }

    @Test
    void narrowedPolicyHasItsOwnFingerprint() {
        String full = SessionPolicy.of(GRANTS).fingerprint();
        String narrowed = SessionPolicy.of(GrantNarrowing.parse("read", null).apply(GRANTS)).fingerprint();
        assertNotEquals(full, narrowed);
    }

    @ParameterizedTest(name = "access={0} prefix={1}")
    @CsvSource(nullValues = "-", value = {
            "write, shared/",          // shared/ is read-only
            "-, users/bob/",           // not under any grant
            "-, users/",               // broader than the grant
            "read, other/",            // outside
            "'read,write', shared/"})    // one of the levels is not granted there
    void anythingOutsideTheGrantsIsForbidden(String access, String prefix) {
        CodedException e = assertThrows(CodedException.class,
                () -> GrantNarrowing.parse(access, prefix).apply(GRANTS));
        assertEquals(ErrorCode.FORBIDDEN, e.errorCode());
    }

    @Test
    void objectPatternBlocksDeeperPrefixUnlessItStartsWithStar() {
        Grant photos = new Grant("b", "u/", Set.of(READ), Optional.of("photos/*"));
        Grant jpegs = new Grant("b", "v/", Set.of(READ), Optional.of("*.jpg"));
        assertThrows(CodedException.class, () -> GrantNarrowing.parse(null, "u/x/").apply(List.of(photos)));
        assertEquals(List.of(new Grant("b", "v/x/", Set.of(READ), Optional.of("*.jpg"))),
                GrantNarrowing.parse(null, "v/x/").apply(List.of(jpegs)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "read,", "admin", "read;write"})
    void malformedAccessIsBadRequest(String access) {
        CodedException e = assertThrows(CodedException.class, () -> GrantNarrowing.parse(access, null));
        assertEquals(ErrorCode.BAD_REQUEST, e.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "users/alice", "/users/alice/", "users//alice/", "users/alice/../bob/",
            "users/./alice/", "users/al*ce/", "users/al ce/", "users/alice/%2e%2e/"})
    void malformedPrefixIsBadRequest(String prefix) {
        CodedException e = assertThrows(CodedException.class, () -> GrantNarrowing.parse(null, prefix));
        assertEquals(ErrorCode.BAD_REQUEST, e.errorCode());
    }

    @Test
    void overlongPrefixIsBadRequest() {
        String prefix = "a/".repeat(GrantNarrowing.MAX_PREFIX_LENGTH / 2 + 1);
        assertThrows(CodedException.class, () -> GrantNarrowing.parse(null, prefix));
    }

    private static Grant grant(String prefix, Access... access) {
        return new Grant("app-bucket", prefix, EnumSet.of(access[0], access), Optional.empty());
    }
}
