package io.stsvend.issuance;

import io.stsvend.sharedcache.SharedKey;

/**
 * Cache key: the caller plus a fingerprint of the session policy they are entitled to right now, the role, and the
 * caller's revocation generation ({@link Revocations}). A caller whose claims shrink gets a different fingerprint, so
 * an older, broader token is never handed back; a revoke bumps the generation, so no replica finds the token cached
 * before it, locally or in the shared cache.
 */
record CredentialKey(String subject, String policyFingerprint, String roleArn, long generation) {

    /** A key of generation 0: the subject was never revoked (or the shared cache is off). */
    CredentialKey(String subject, String policyFingerprint, String roleArn) {
        this(subject, policyFingerprint, roleArn, 0);
    }

    /** The same key as the shared cache names it. */
    SharedKey shared() {
        return new SharedKey(subject, policyFingerprint, roleArn, generation);
    }
}
