package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.SessionClaims;

/**
 * Decides whether a role session (a caller signing with a temporary {@code STS.} key) holds {@code sts:AssumeRole}
 * on a role, as RAM decides it for a real AssumeRole call: the caller's effective policy is its role's permission
 * policies intersected with the session policy its token carries, explicit Deny winning. Real STS refuses a caller
 * without that permission with {@code NoPermission}; a vended session policy never grants it, so vended credentials
 * can never mint themselves a broader token.
 *
 * <p>The emulator's RAM user is the vending service's own identity and is treated as holding
 * {@code AliyunSTSAssumeRoleAccess} and being trusted by every emulated role; it is not asked here. Called on the
 * event loop: must be CPU-only and thread-safe.
 */
@FunctionalInterface
public interface AssumeRolePermission {

    /** Role sessions may assume no role: what an emulator without role policies for STS answers. */
    AssumeRolePermission NONE = (session, roleArn) -> false;

    /**
     * @param session the verified, unexpired claims of the caller's SecurityToken
     * @param roleArn the requested role's ARN in the emulator's canonical spelling ({@code acs:ram::<id>:role/<name>})
     * @return true when the caller's effective policy allows {@code sts:AssumeRole} on {@code roleArn}
     */
    boolean allows(SessionClaims session, String roleArn);
}
