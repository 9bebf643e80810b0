package io.stsvend.issuance;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.Access;
import io.stsvend.grant.ClaimCondition;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantNarrowing;
import io.stsvend.grant.GrantRule;
import io.stsvend.grant.PrefixTemplate;
import io.stsvend.identity.Caller;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entitlements are worked out once per verified claims map, and only what is safe to keep is kept. */
class EntitlementsTest {

    static final GrantMapper RULES = new GrantMapper(List.of(
            new GrantRule("own", "app-bucket", PrefixTemplate.parse("users/${sub}/"), EnumSet.allOf(Access.class),
                    Optional.empty(), Optional.of(new ClaimCondition("groups", "staff")))));

    static Caller caller(String sub, String group) {
        return Caller.of(Map.of("sub", sub, "groups", List.of(group)));
    }

    @Test
    void theSameVerifiedClaimsAreWorkedOutOnce() {
        Entitlements entitlements = new Entitlements(RULES);
        Caller first = caller("alice", "staff");
        Caller again = Caller.of(first.claims());

        Entitlement kept = entitlements.of(first, GrantNarrowing.none());

        assertSame(kept, entitlements.of(again, GrantNarrowing.none()));
        assertEquals("users/alice/", kept.grants().get(0).prefix());
        assertEquals("alice", kept.sessionName().value());
    }

    @Test
    void equalClaimsOfAnotherVerificationAreWorkedOutAgain() {
        Entitlements entitlements = new Entitlements(RULES);

        Entitlement one = entitlements.of(caller("alice", "staff"), GrantNarrowing.none());
        Entitlement other = entitlements.of(caller("alice", "staff"), GrantNarrowing.none());

        assertNotSame(one, other);
        assertEquals(one.policy(), other.policy());
    }

    @Test
    void anotherCallersClaimsNeverGetAKeptEntitlement() {
        Entitlements entitlements = new Entitlements(RULES);
        entitlements.of(caller("alice", "staff"), GrantNarrowing.none());

        Entitlement bob = entitlements.of(caller("bob", "staff"), GrantNarrowing.none());

        assertEquals("users/bob/", bob.grants().get(0).prefix());
    }

    @Test
    void aNarrowedRequestIsWorkedOutEachTimeAndKeepsNothing() {
        Entitlements entitlements = new Entitlements(RULES);
        Caller alice = caller("alice", "staff");
        GrantNarrowing readOnly = GrantNarrowing.parse("read", null);

        Entitlement narrowed = entitlements.of(alice, readOnly);

        assertEquals(EnumSet.of(Access.READ), narrowed.grants().get(0).access());
        assertNotSame(narrowed, entitlements.of(alice, readOnly));
        assertEquals(0, entitlements.size());
        assertEquals(EnumSet.allOf(Access.class), entitlements.of(alice, GrantNarrowing.none()).grants().get(0).access());
    }

    @Test
    void aRefusalIsNotKept() {
        Entitlements entitlements = new Entitlements(RULES);
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "carol", "groups", List.of("guest")));
        Caller carol = Caller.of(claims);

        CodedException refused = assertThrows(CodedException.class,
                () -> entitlements.of(carol, GrantNarrowing.none()));

        assertEquals(ErrorCode.NO_GRANTS, refused.errorCode());
        assertEquals(0, entitlements.size());
    }

    @Test
    void keptEntriesAreBounded() {
        Entitlements entitlements = new Entitlements(RULES);
        for (int i = 0; i < Entitlements.MAX_ENTRIES + 500; i++) {
            entitlements.of(caller("user-" + i, "staff"), GrantNarrowing.none());
        }

        assertTrue(entitlements.size() <= Entitlements.MAX_ENTRIES, () -> "kept " + entitlements.size());
    }
}
