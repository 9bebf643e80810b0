package io.stsvend.explain;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.Access;
import io.stsvend.grant.ClaimCondition;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantRule;
import io.stsvend.grant.PrefixTemplate;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.grant.policy.PolicyDocument;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainerTest {

    static final GrantMapper MAPPER = new GrantMapper(List.of(
            new GrantRule("own", "app-bucket", PrefixTemplate.parse("users/${sub}/"), EnumSet.allOf(Access.class),
                    Optional.empty(), Optional.empty()),
            new GrantRule("shared", "app-bucket", PrefixTemplate.parse("shared/"), EnumSet.of(Access.READ),
                    Optional.empty(), Optional.of(new ClaimCondition("groups", "viewer"))),
            new GrantRule("tenant", "app-bucket", PrefixTemplate.parse("t/${claim.tenant}/"),
                    EnumSet.of(Access.READ), Optional.empty(), Optional.of(new ClaimCondition("tier", "gold")))));
    static final PolicyDocument ROLE = PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":[\"acs:oss:*:*:app-bucket\",\"acs:oss:*:*:app-bucket/*\"]},"
            + "{\"Sid\":\"NoShared\",\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:app-bucket/shared/*\"}]}");

    static Optional<Question> ask(String action, String resource) {
        return Question.parse(action, resource, null);
    }

    @Test
    void theSessionPolicyIsTheOneCredentialsBuildsFromTheSameGrants() {
        ClaimSet claims = ClaimSet.of(Map.of("sub", "alice", "groups", List.of("viewer")));
        Explanation e = new Explainer(MAPPER, Optional.empty()).explain(claims, Optional.empty());
        SessionPolicy expected = SessionPolicy.of(MAPPER.grantsFor(claims));
        assertEquals(expected.json(), e.sessionPolicy());
        assertEquals(expected.fingerprint(), e.sessionPolicyFingerprint());
        assertEquals("issued", e.credentials().outcome());
        assertEquals(List.of("matched", "matched", "not-matched"), e.rules().stream().map(Explanation.Rule::outcome).toList());
        assertEquals("claim tier is missing", e.rules().get(2).reason());
        assertEquals("app-bucket/shared/:read", e.rules().get(1).grant());
        assertNull(e.decision());
    }

    @Test
    void withoutTheRolePolicyTheSessionPolicyDecidesAndTheAnswerSaysTheRoleWasNotChecked() {
        Explainer explainer = new Explainer(MAPPER, Optional.empty());
        Explanation.Verdict own = explainer.explain(ClaimSet.of(Map.of("sub", "alice")),
                ask("oss:GetObject", "acs:oss:*:*:app-bucket/users/alice/a")).decision();
        assertEquals("allowed", own.decision());
        assertEquals(false, own.rolePolicy().evaluated());
        assertTrue(own.reason().contains("stsvend.explain.role-policy is unset"), own.reason());
        assertEquals("session", own.sessionPolicy().allowingStatements().get(0).policy());

        Explanation.Verdict bobs = explainer.explain(ClaimSet.of(Map.of("sub", "alice")),
                ask("oss:GetObject", "acs:oss:*:*:app-bucket/users/bob/a")).decision();
        assertEquals("implicitly-denied", bobs.decision());
        assertEquals(false, bobs.sessionPolicy().allows());
    }

    @Test
    void aRoleDenyWinsOverTheSessionPolicysAllow() {
        Explanation.Verdict v = new Explainer(MAPPER, Optional.of(ROLE)).explain(
                ClaimSet.of(Map.of("sub", "alice", "groups", List.of("viewer"))),
                ask("oss:GetObject", "acs:oss:*:*:app-bucket/shared/a")).decision();
        assertEquals("explicitly-denied", v.decision());
        assertEquals(true, v.sessionPolicy().allows());
        assertEquals(List.of(new Explanation.StatementView("role", 1, "NoShared")), v.explicitDenies());
        assertTrue(v.reason().contains("the role policy's Statement[1] (Sid NoShared)"), v.reason());
    }

    @Test
    void aClaimThatCannotEnterAPrefixIsReportedAndNothingWouldBeIssued() {
        Explanation e = new Explainer(MAPPER, Optional.of(ROLE)).explain(
                ClaimSet.of(Map.of("sub", "alice", "tier", "gold", "tenant", "*")),
                ask("oss:GetObject", "acs:oss:*:*:app-bucket/users/alice/a"));
        assertEquals("invalid-claim", e.rules().get(2).outcome());
        assertEquals("invalid-claim", e.credentials().outcome());
        assertNull(e.sessionPolicy());
        assertEquals(List.of(), e.grants());
        assertEquals("no-credentials", e.decision().decision());
    }

    @Test
    void aSubjectThatCannotEnterAPrefixMeansNoGrantsAtAll() {
        GrantMapper sharedOnly = new GrantMapper(List.of(new GrantRule("shared", "app-bucket",
                PrefixTemplate.parse("shared/"), EnumSet.of(Access.READ), Optional.empty(),
                Optional.of(new ClaimCondition("groups", "viewer")))));
        Explanation e = new Explainer(sharedOnly, Optional.empty()).explain(ClaimSet.of(Map.of("sub", "x")),
                Optional.empty());
        assertEquals(ErrorCode.NO_GRANTS.code(), e.credentials().outcome());
        assertEquals("claim groups is missing", e.rules().get(0).reason());
    }

    @Test
    void listingIsAskedWithThePrefixTheEmulatorWouldEvaluate() {
        Explainer explainer = new Explainer(MAPPER, Optional.of(ROLE));
        ClaimSet alice = ClaimSet.of(Map.of("sub", "alice"));
        assertEquals("allowed", explainer.explain(alice, Question.parse("oss:ListObjects", "acs:oss:*:*:app-bucket",
                "users/alice/")).decision().decision());
        // No prefix is the bucket root: oss:Prefix "" matches no grant's prefix.
        assertEquals("implicitly-denied", explainer.explain(alice, Question.parse("oss:ListObjects",
                "acs:oss:*:*:app-bucket", null)).decision().decision());
    }

    @Test
    void malformedQuestionsAndClaimSetsAreBadRequests() {
        for (Runnable bad : List.<Runnable>of(
                () -> Question.parse("oss:GetObject", null, null),
                () -> Question.parse(null, "acs:oss:*:*:b/k", null),
                () -> Question.parse("oss:Get*", "acs:oss:*:*:b/k", null),
                () -> Question.parse("oss:GetObject", "arn:aws:s3:::b/k", null),
                () -> Question.parse("oss:GetObject", "acs:oss:*:*:b/k\n", null),
                () -> Question.parse("oss:GetObject", "acs:oss:*:*:b/k", "users/"),
                () -> Question.parse(null, null, "users/"),
                () -> ClaimSet.of(Map.of("groups", List.of("viewer"))),
                () -> ClaimSet.of(Map.of("sub", 7)),
                () -> ClaimSet.of(Map.of("sub", "")))) {
            assertEquals(ErrorCode.BAD_REQUEST, assertThrows(CodedException.class, bad::run).errorCode());
        }
        assertEquals(Optional.empty(), Question.parse(null, null, null));
    }
}
