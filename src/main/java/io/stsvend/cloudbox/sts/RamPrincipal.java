package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.SessionClaims;

import java.util.Optional;

/**
 * Who signed an STS request, after {@link RequestAuthenticator} verified it: the RAM user's long-term AccessKey,
 * or a temporary AccessKey together with the verified, unexpired claims of its SecurityToken; or nobody, for the
 * anonymous AssumeRoleWithOIDC (empty accessKeyId).
 */
record RamPrincipal(String accessKeyId, Optional<SessionClaims> session) {

    static RamPrincipal ramUser(String accessKeyId) {
        return new RamPrincipal(accessKeyId, Optional.empty());
    }

    static RamPrincipal anonymous() {
        return new RamPrincipal("", Optional.empty());
    }

    static RamPrincipal roleSession(SessionClaims claims) {
        return new RamPrincipal(claims.accessKeyId(), Optional.of(claims));
    }
}
