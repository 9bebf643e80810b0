package io.stsvend.issuance;

import io.stsvend.audit.AuditEvent;
import io.stsvend.audit.AuditTrail;
import io.stsvend.grant.Grant;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.sts.RoleSessionName;

import java.util.List;

/**
 * What one verified caller is entitled to, worked out from their claims alone: their grants, the session policy
 * those grants render to, the RoleSessionName STS will record, and the caller's half of every audit line. It depends
 * on nothing else (the rules are fixed at startup), so {@link Entitlements} keeps it for as long as the verified
 * token it was worked out from stays in use.
 */
record Entitlement(String subject, RoleSessionName sessionName, List<Grant> grants, SessionPolicy policy,
                   AuditTrail.Head auditHead) {

    /**
     * @throws io.stsvend.error.CodedException {@code NO_GRANTS} for no grants, {@code POLICY_TOO_LARGE} for a policy
     *                                         STS would refuse
     */
    static Entitlement of(String subject, List<Grant> grants) {
        RoleSessionName sessionName = RoleSessionName.fromSubject(subject);
        SessionPolicy policy = SessionPolicy.of(grants);
        return new Entitlement(subject, sessionName, grants, policy,
                AuditTrail.head(subject, sessionName.value(), policy.fingerprint(), AuditEvent.describe(grants)));
    }
}
