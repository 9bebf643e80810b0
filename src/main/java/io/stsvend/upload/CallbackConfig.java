package io.stsvend.upload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Upload callback verification settings ({@code stsvend.callback.*}), checked at startup by {@link CallbackConfigCheck}. */
@ConfigMapping(prefix = "stsvend.callback")
public interface CallbackConfig {

    /**
     * Public key URLs ({@code x-oss-pub-key-url}) are fetched only when they start with one of these prefixes
     * (default Alibaba's key host over https). Each must be an https URL prefix (http only with
     * {@link #allowHttpKeyUrls()}) that includes the host and the {@code /} after it, so a prefix never matches
     * another host.
     */
    @WithDefault("https://gosspublic.alicdn.com/")
    List<String> publicKeyUrlPrefixes();

    /** Further allowed prefixes; set by local mode to the OSS emulator's (http) key URL, and empty otherwise. */
    Optional<List<String>> extraPublicKeyUrlPrefixes();

    /**
     * Whether {@link #publicKeyUrlPrefixes()} may name plain-http key URLs (default false: a key fetched over http
     * can be swapped on the way). Only for tests and test doubles; local mode's own emulator prefix is always allowed.
     */
    @WithDefault("false")
    boolean allowHttpKeyUrls();

    /**
     * The URL OSS calls for upload callbacks, i.e. this service's public {@code /oss/callback}, e.g.
     * {@code https://stsvend.example.com/oss/callback}. Forms asked for with {@code "callback": true} are refused
     * ({@code bad-request}) while it is unset: the URL is never derived from the request's Host header.
     */
    Optional<String> url();

    /**
     * Base64 of at least 32 random bytes: the HMAC key binding callbacks to the forms this service issued
     * ({@link CallbackBinding}). Every replica needs the same key; unset, each process makes its own.
     */
    Optional<String> bindingKey();

    /** Overall time allowed for fetching a public key, body included (default 5 s, between 100 ms and 30 s). */
    @WithDefault("5s")
    Duration keyFetchTimeout();

    /**
     * How long a seen callback signature is remembered to refuse replays (default 1 h, between 1 min and 7 days); at
     * most {@value CallbackConfigCheck#MAX_REMEMBERED} signatures are kept per replica.
     */
    @WithDefault("1h")
    Duration replayWindow();
}
