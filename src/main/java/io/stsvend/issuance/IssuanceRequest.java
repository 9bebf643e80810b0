package io.stsvend.issuance;

import io.stsvend.audit.AuditTrail;
import io.stsvend.grant.Grant;
import io.stsvend.sts.AssumeRoleCommand;
import io.stsvend.sts.StsConfig;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One attempt: what the caller is entitled to ({@link Entitlement}), under the subject's revocation generation, and
 * when it started. Also the source of the attempt's audit lines.
 */
record IssuanceRequest(Entitlement entitlement, long generation, long startedNanos) {

    String subject() {
        return entitlement.subject();
    }

    List<Grant> grants() {
        return entitlement.grants();
    }

    CredentialKey key(StsConfig sts) {
        return new CredentialKey(entitlement.subject(), entitlement.policy().fingerprint(), sts.roleArn(), generation);
    }

    AssumeRoleCommand command(StsConfig sts) {
        return new AssumeRoleCommand(sts.roleArn(), entitlement.sessionName(), entitlement.policy().json(),
                sts.duration());
    }

    /** Writes the audit line of this request (or of a refresh started at {@code startedNanos}). */
    void audit(AuditTrail audit, CacheOutcome cache, String outcome, String stsRequestId, long startedNanos) {
        audit.record(entitlement.auditHead(), cache == null ? null : cache.label(), outcome, stsRequestId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

}
