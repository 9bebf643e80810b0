package io.stsvend.grant.policy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PolicyEvaluator#explain}: the decision of {@code evaluate} plus the statements that led to it. */
class EvaluationTest {

    static final PolicyDocument SESSION = PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b/users/alice/*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:b/users/alice/pub/*\"}]}");
    static final PolicyDocument ROLE = PolicyDocument.parse("{\"Version\":\"1\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b/*\"},"
            + "{\"Sid\":\"Hold\",\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:b/*/hold/*\"}]}");

    static Evaluation explain(String action, String key) {
        return PolicyEvaluator.explain(AccessRequest.of(action, "acs:oss:*:1:b/" + key), Optional.of(SESSION),
                List.of(ROLE), List.of());
    }

    @Test
    void allowNamesEveryApplicableAllowOfBothPolicies() {
        Evaluation e = explain("oss:GetObject", "users/alice/pub/a");
        assertEquals(Decision.ALLOW, e.decision());
        assertEquals(List.of(0, 1), e.sessionAllows().orElseThrow().stream().map(Evaluation.StatementRef::statement)
                .toList());
        assertEquals(List.of(new Evaluation.StatementRef(Evaluation.Source.IDENTITY, 0, 0, Optional.empty())),
                e.grantingAllows());
        assertTrue(e.denies().isEmpty());
    }

    @Test
    void explicitDenyNamesTheDenyingStatementAndItsSid() {
        Evaluation e = explain("oss:GetObject", "users/alice/hold/a");
        assertEquals(Decision.EXPLICIT_DENY, e.decision());
        assertEquals(List.of(new Evaluation.StatementRef(Evaluation.Source.IDENTITY, 0, 1, Optional.of("Hold"))),
                e.denies());
    }

    @Test
    void implicitDenyShowsWhichSideDidNotAllow() {
        Evaluation outsideSession = explain("oss:GetObject", "users/bob/a");
        assertEquals(Decision.IMPLICIT_DENY, outsideSession.decision());
        assertTrue(outsideSession.sessionAllows().orElseThrow().isEmpty());
        assertEquals(1, outsideSession.grantingAllows().size());

        Evaluation outsideRole = explain("oss:PutObject", "users/alice/pub/a");
        assertEquals(Decision.IMPLICIT_DENY, outsideRole.decision());
        assertEquals(1, outsideRole.sessionAllows().orElseThrow().size());
        assertTrue(outsideRole.grantingAllows().isEmpty());
    }

    @Test
    void explainAgreesWithEvaluateWithAndWithoutASessionPolicy() {
        for (String action : List.of("oss:GetObject", "oss:PutObject", "oss:DeleteObject")) {
            for (String key : List.of("users/alice/a", "users/alice/pub/a", "users/alice/hold/a", "users/bob/a")) {
                AccessRequest request = AccessRequest.of(action, "acs:oss:*:1:b/" + key);
                for (Optional<PolicyDocument> session : List.of(Optional.of(SESSION), Optional.<PolicyDocument>empty())) {
                    Evaluation e = PolicyEvaluator.explain(request, session, List.of(ROLE), List.of());
                    assertEquals(PolicyEvaluator.evaluate(request, session, List.of(ROLE), List.of()), e.decision());
                    assertEquals(session.isPresent(), e.sessionAllows().isPresent());
                }
            }
        }
    }
}
