package io.stsvend.grant;

import io.stsvend.error.CodedException;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stsvend.testing.TestClaims.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GrantMapper#verdicts}: why each rule did or did not give the caller something, consistent with grants. */
class RuleVerdictTest {

    static final GrantRule OWN = GrantMapperTest.OWN;
    static final GrantRule SHARED = GrantMapperTest.SHARED;
    static final GrantRule TENANT = new GrantRule("tenant", "app-bucket", PrefixTemplate.parse("t/${claim.tenant}/"),
            EnumSet.of(Access.READ), Optional.empty(), Optional.of(new ClaimCondition("tier", "gold")));
    static final GrantMapper MAPPER = new GrantMapper(List.of(OWN, SHARED, TENANT));

    @Test
    void aMissingListOrStringClaimSaysWhichClaimAndWhatWasExpected() {
        List<RuleVerdict> verdicts = MAPPER.verdicts(claims("alice", Map.of("groups", List.of("staff"))));
        assertEquals(RuleVerdict.Outcome.MATCHED, verdicts.get(0).outcome());
        assertEquals(Optional.of("claim groups does not contain viewer"), verdicts.get(1).reason());
        assertEquals(Optional.of("claim tier is missing"), verdicts.get(2).reason());

        assertEquals(Optional.of("claim tier is not gold"),
                MAPPER.verdicts(claims("alice", Map.of("tier", "silver"))).get(2).reason());
        assertEquals(Optional.of("claim groups is neither a string nor a list of strings"),
                MAPPER.verdicts(claims("alice", Map.of("groups", 7))).get(1).reason());
    }

    @Test
    void aMatchedRuleCarriesTheGrantItGave() {
        List<RuleVerdict> verdicts = MAPPER.verdicts(claims("alice", Map.of("groups", List.of("viewer"))));
        assertEquals(List.of("own", "shared", "tenant"), verdicts.stream().map(RuleVerdict::rule).toList());
        assertEquals("users/alice/", verdicts.get(0).grant().orElseThrow().prefix());
        assertEquals("shared/", verdicts.get(1).grant().orElseThrow().prefix());
        assertFalse(verdicts.get(1).reason().isPresent());
    }

    @Test
    void anApplicableRuleWithAnUnusableClaimIsInvalidExactlyWhenGrantsForRefuses() {
        var claims = claims("alice", Map.of("tier", "gold", "tenant", "a/../b"));
        RuleVerdict tenant = MAPPER.verdicts(claims).get(2);
        assertEquals(RuleVerdict.Outcome.INVALID_CLAIM, tenant.outcome());
        assertTrue(tenant.reason().orElseThrow().startsWith("Claim 'tenant' must be"), tenant.reason().orElseThrow());
        assertFalse(tenant.reason().orElseThrow().contains("a/../b"), "never echoes the value");
        assertThrows(CodedException.class, () -> MAPPER.grantsFor(claims));
    }

    @Test
    void theMatchedRulesAreExactlyTheRulesBehindGrantsFor() {
        GrantRule readShared = new GrantRule("r", "app-bucket", PrefixTemplate.parse("shared/"),
                EnumSet.of(Access.READ), Optional.empty(), Optional.empty());
        GrantRule writeShared = new GrantRule("w", "app-bucket", PrefixTemplate.parse("shared/"),
                EnumSet.of(Access.WRITE), Optional.empty(), Optional.of(new ClaimCondition("groups", "editor")));
        GrantMapper mapper = new GrantMapper(List.of(OWN, SHARED, readShared, writeShared));
        for (Object groups : List.of(List.of(), List.of("viewer"), List.of("editor"), "editor", 3)) {
            var claims = claims("bob", Map.of("groups", groups));
            List<Grant> matched = mapper.verdicts(claims).stream()
                    .filter(v -> v.outcome() == RuleVerdict.Outcome.MATCHED)
                    .map(v -> v.grant().orElseThrow()).toList();
            // Merging the matched rules' grants on their own gives what grantsFor gives.
            List<GrantRule> asRules = matched.stream().map(g -> new GrantRule("m", g.bucket(),
                    PrefixTemplate.parse(g.prefix()), g.access(), g.objectPattern(), Optional.empty())).toList();
            assertEquals(mapper.grantsFor(claims), new GrantMapper(asRules).grantsFor(claims), groups.toString());
        }
    }

    @Test
    void verdictsHoldTheirShape() {
        assertThrows(IllegalArgumentException.class, () -> new RuleVerdict("r", RuleVerdict.Outcome.MATCHED,
                Optional.of("why"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new RuleVerdict("r", RuleVerdict.Outcome.NOT_MATCHED,
                Optional.empty(), Optional.empty()));
    }
}
