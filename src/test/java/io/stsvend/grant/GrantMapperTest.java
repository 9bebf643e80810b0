package io.stsvend.grant;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static io.stsvend.testing.TestClaims.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrantMapperTest {

    static final GrantRule OWN = new GrantRule("own", "app-bucket", PrefixTemplate.parse("users/${sub}/"),
            EnumSet.allOf(Access.class), Optional.empty(), Optional.empty());
    static final GrantRule SHARED = new GrantRule("shared", "app-bucket", PrefixTemplate.parse("shared/"),
            EnumSet.of(Access.READ, Access.LIST), Optional.empty(), Optional.of(new ClaimCondition("groups", "viewer")));
    static final GrantMapper MAPPER = new GrantMapper(List.of(OWN, SHARED));

    @Test
    void everyUserGetsTheirOwnPrefix() {
        List<Grant> grants = MAPPER.grantsFor(claims("alice", Map.of()));
        assertEquals(List.of(new Grant("app-bucket", "users/alice/", EnumSet.allOf(Access.class), Optional.empty())),
                grants);
    }

    @Test
    void viewersAlsoGetShared() {
        List<Grant> grants = MAPPER.grantsFor(claims("alice", Map.of("groups", List.of("staff", "viewer"))));
        assertEquals(2, grants.size());
        assertEquals("shared/", grants.get(0).prefix());
        assertEquals(Set.of(Access.READ, Access.LIST), grants.get(0).access());
    }

    @Test
    void conditionOnMissingOrOtherTypedClaimDoesNotHold() {
        assertEquals(1, MAPPER.grantsFor(claims("alice", Map.of("groups", 7))).size());
        assertEquals(1, MAPPER.grantsFor(claims("alice", Map.of("groups", List.of("viewers")))).size());
        assertEquals(2, MAPPER.grantsFor(claims("alice", Map.of("groups", "viewer"))).size());
    }

    @Test
    void rulesOnTheSameScopeMerge() {
        GrantRule readShared = new GrantRule("r", "app-bucket", PrefixTemplate.parse("shared/"), Set.of(Access.READ),
                Optional.empty(), Optional.empty());
        GrantRule writeShared = new GrantRule("w", "app-bucket", PrefixTemplate.parse("shared/"), Set.of(Access.WRITE),
                Optional.empty(), Optional.empty());
        List<Grant> grants = new GrantMapper(List.of(readShared, writeShared)).grantsFor(claims("a1", Map.of()));
        assertEquals(1, grants.size());
        assertEquals(Set.of(Access.READ, Access.WRITE), grants.get(0).access());
    }

    @Test
    void unsafeSubjectIsRefusedOnlyWhereItWouldEnterAnArn() {
        CodedException e = assertThrows(CodedException.class, () -> MAPPER.grantsFor(claims("alice/*", Map.of())));
        assertEquals(ErrorCode.INVALID_CLAIM, e.errorCode());
        GrantMapper sharedOnly = new GrantMapper(List.of(new GrantRule("s", "app-bucket", PrefixTemplate.parse("shared/"),
                Set.of(Access.READ), Optional.empty(), Optional.empty())));
        assertEquals(1, sharedOnly.grantsFor(claims("alice/*", Map.of())).size());
    }

    @Test
    void noRuleAppliesGivesNoGrants() {
        GrantMapper viewersOnly = new GrantMapper(List.of(SHARED));
        assertTrue(viewersOnly.grantsFor(claims("alice", Map.of())).isEmpty());
    }

    /** 5,000 seeded pairs of distinct valid subjects: neither's own prefix is, or contains, the other's. */
    @Test
    void distinctSubjectsNeverShareOrNestPrefixes() {
        Random random = new Random(20261130L);
        String alphabet = "abcAB09._-@";
        for (int i = 0; i < 5_000; i++) {
            String a = randomSubject(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + randomSubject(random, alphabet) : randomSubject(random, alphabet);
            if (a.equals(b) || !isValid(a) || !isValid(b)) {
                continue;
            }
            String pa = MAPPER.grantsFor(claims(a, Map.of())).get(0).prefix();
            String pb = MAPPER.grantsFor(claims(b, Map.of())).get(0).prefix();
            assertNotEquals(pa, pb);
            assertFalse(pa.startsWith(pb) || pb.startsWith(pa), a + " vs " + b);
        }
    }

    private static String randomSubject(Random random, String alphabet) {
        int length = 1 + random.nextInt(6);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static boolean isValid(String s) {
        return s.length() <= ClaimValues.MAX_LENGTH && !s.equals(".") && !s.equals("..");
    }
}
