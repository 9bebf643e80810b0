package io.stsvend.issuance;

/**
 * Cache key: the caller plus a fingerprint of the session policy they are entitled to right now, and the role.
 * A caller whose claims shrink gets a different fingerprint, so an older, broader token is never handed back.
 */
record CredentialKey(String subject, String policyFingerprint, String roleArn) {
}
