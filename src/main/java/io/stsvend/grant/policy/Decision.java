package io.stsvend.grant.policy;

/**
 * Outcome of a RAM evaluation (spec §3.5). Only {@link #ALLOW} grants access; the two denies are distinguished
 * because OSS reports them differently ({@code NoPermissionType} {@code ExplicitDeny} / {@code ImplicitDeny}).
 */
public enum Decision {
    /** An applicable Allow and no applicable Deny. */
    ALLOW,
    /** Nothing allowed the request (default deny), or the session policy did not allow it. */
    IMPLICIT_DENY,
    /** A Deny statement in some applicable policy matched; final, nothing can override it. */
    EXPLICIT_DENY;

    /** True only for {@link #ALLOW}. */
    public boolean allowed() {
        return this == ALLOW;
    }
}
