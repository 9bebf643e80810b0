package io.stsvend.sharedcache;

/**
 * What names one token in the shared cache: the caller, the fingerprint of their session policy, the role and their
 * revocation generation. {@link CredentialSealer} turns it into an HMAC, so the store never sees any of it.
 */
public record SharedKey(String subject, String policyFingerprint, String roleArn, long generation) {
}
