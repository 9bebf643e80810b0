package io.stsvend.issuance;

import io.stsvend.audit.AuditEvent;
import io.stsvend.grant.Grant;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.sts.AssumeRoleCommand;
import io.stsvend.sts.RoleSessionName;
import io.stsvend.sts.StsConfig;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one caller is entitled to, worked out before the cache is consulted: their grants, the session policy those
 * grants render to, and the RoleSessionName STS will record. Also the source of the caller's audit lines.
 */
record IssuanceRequest(String subject, RoleSessionName sessionName, List<Grant> grants, SessionPolicy policy,
                       long generation, long startedNanos) {

    static IssuanceRequest of(String subject, List<Grant> grants, long generation, long startedNanos) {
        return new IssuanceRequest(subject, RoleSessionName.fromSubject(subject), grants, SessionPolicy.of(grants),
                generation, startedNanos);
    }

    CredentialKey key(StsConfig sts) {
        return new CredentialKey(subject, policy.fingerprint(), sts.roleArn(), generation);
    }

    AssumeRoleCommand command(StsConfig sts) {
        return new AssumeRoleCommand(sts.roleArn(), sessionName, policy.json(), sts.duration());
    }

    /** The audit line of this request (or of a refresh started at {@code startedNanos}). */
    AuditEvent event(CacheOutcome cache, String outcome, String stsRequestId, long startedNanos) {
        return new AuditEvent(AuditEvent.EVENT, subject, sessionName.value(), policy.fingerprint(),
                AuditEvent.describe(grants), cache == null ? null : cache.label(), outcome, stsRequestId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }
}
