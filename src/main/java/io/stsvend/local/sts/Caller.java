package io.stsvend.local.sts;

import io.stsvend.local.SessionClaims;

import java.util.Optional;

/**
 * Who signed an STS request, after {@link RequestAuthenticator} verified it: the RAM user's long-term AccessKey,
 * or a temporary AccessKey together with the verified, unexpired claims of its SecurityToken; or nobody, for the
 * anonymous AssumeRoleWithOIDC (empty accessKeyId).
 */
record Caller(String accessKeyId, Optional<SessionClaims> session) {

    static Caller ramUser(String accessKeyId) {
        return new Caller(accessKeyId, Optional.empty());
    }

    static Caller anonymous() {
        return new Caller("", Optional.empty());
    }

    static Caller roleSession(SessionClaims claims) {
        return new Caller(claims.accessKeyId(), Optional.of(claims));
    }
}
