package io.stsvend.grant;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.stsvend.testing.TestClaims.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefixTemplateTest {

    @Test
    void expandsSubjectAndClaims() {
        PrefixTemplate template = PrefixTemplate.parse("tenants/${claim.tenant}/users/${sub}/");
        assertEquals("tenants/acme/users/alice/", template.expand(claims("alice", Map.of("tenant", "acme"))));
        assertTrue(template.hasVariables());
        assertFalse(PrefixTemplate.parse("shared/").hasVariables());
    }

    @Test
    void missingClaimIsRefused() {
        PrefixTemplate template = PrefixTemplate.parse("tenants/${claim.tenant}/");
        CodedException e = assertThrows(CodedException.class, () -> template.expand(claims("alice", Map.of())));
        assertEquals(ErrorCode.INVALID_CLAIM, e.errorCode());
    }

    @Test
    void arrayWhereAStringIsNeededIsRefused() {
        PrefixTemplate template = PrefixTemplate.parse("tenants/${claim.tenant}/");
        CodedException e = assertThrows(CodedException.class,
                () -> template.expand(claims("alice", Map.of("tenant", List.of("a", "b")))));
        assertEquals(ErrorCode.INVALID_CLAIM, e.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"users/${sub}", "/users/${sub}/", "users/${nope}/", "users/${claim.}/", "users/*/",
            "users/../", "users/./", "users//x/", "users/${sub}${claim.x}/", "users/$sub/", "users/{sub}/",
            "users/a b/", "users/${sub/", "users/${claim.a..b}/", "users/${claim.https://x/y}/",
            "users/${claim.\"open}/"})
    void badTemplatesAreRejectedWhenParsed(String template) {
        assertThrows(IllegalArgumentException.class, () -> PrefixTemplate.parse(template));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "shared/", "users/${sub}/", "u-${sub}/files/", "t/${claim.org_id}/${sub}/"})
    void goodTemplatesParse(String template) {
        assertEquals(template, PrefixTemplate.parse(template).source());
    }

    @Test
    void variablesReadClaimPaths() {
        PrefixTemplate template = PrefixTemplate.parse(
                "t/${claim.org.id}/u/${claim.\"https://example.com/user}name\"}/");
        Map<String, Object> token = Map.of("org", Map.of("id", "acme"), "https://example.com/user}name", "alice");
        assertEquals("t/acme/u/alice/", template.expand(claims("0b9e2d7c", token)));
        assertEquals(List.of("org.id", "\"https://example.com/user}name\""),
                template.claimPaths().stream().map(ClaimPath::toString).toList());
    }

    @Test
    void aSlashInsideAQuotedClaimNameIsNotASegment() {
        // ${claim."a/b"} is one variable in one segment, so a second variable beside it is still refused.
        assertEquals("x/${claim.\"a/b\"}/", PrefixTemplate.parse("x/${claim.\"a/b\"}/").source());
        assertThrows(IllegalArgumentException.class, () -> PrefixTemplate.parse("x/${claim.\"a/b\"}${sub}/"));
    }

    @Test
    void worstCaseUsesLongestLegalValues() {
        assertEquals("users/" + "x".repeat(ClaimValues.MAX_LENGTH) + "/",
                PrefixTemplate.parse("users/${sub}/").expandWorstCase());
    }
}
