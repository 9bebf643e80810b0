package io.stsvend.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Who may call {@code /admin/*} ({@code stsvend.admin.*}). An admin token is a JWT from the same identity provider
 * (same issuer and keys as user tokens) whose {@code aud} names {@link #audience()} and whose {@link #roleClaim()}
 * equals or contains {@link #role()}. Both audiences must be listed in {@code mp.jwt.verify.audiences}.
 */
@ConfigMapping(prefix = "stsvend.admin")
public interface AdminConfig {

    /**
     * The audience of admin tokens, 1 to 128 characters, different from every user audience. A token whose
     * {@code aud} names it is an admin token everywhere: accepted only on {@code /admin/*}. Default stsvend-admin.
     */
    @WithDefault("stsvend-admin")
    String audience();

    /** The claim that carries the admin role (a string or a list of strings); default groups. */
    @WithDefault("groups")
    String roleClaim();

    /** The value {@code role-claim} must equal or contain, 1 to 128 characters; default stsvend-admin. */
    @WithDefault("stsvend-admin")
    String role();

    RateLimit rateLimit();

    /** Per-admin request limit on {@code /admin/*}; beyond it 429 rate-limited with Retry-After. */
    interface RateLimit {

        /** Requests an admin subject may make per window, 1 to 10,000; default 60. */
        @WithDefault("60")
        int perAdmin();

        /** The window, 1 s to 1 hour; default 1 minute. */
        @WithDefault("1m")
        Duration window();
    }
}
