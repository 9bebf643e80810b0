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
     * (default Alibaba's key host over https and http, as Alibaba's own verifier demands). Each must be an http(s) URL
     * prefix that includes the host and the {@code /} after it, so a prefix never matches another host.
     */
    @WithDefault("https://gosspublic.alicdn.com/,http://gosspublic.alicdn.com/")
    List<String> publicKeyUrlPrefixes();

    /** Further allowed prefixes; set by local mode to the OSS emulator's key URL, and empty otherwise. */
    Optional<List<String>> extraPublicKeyUrlPrefixes();

    /**
     * The URL OSS calls for upload callbacks, i.e. this service's public {@code /oss/callback}, e.g.
     * {@code https://stsvend.example.com/oss/callback}. When unset, the URL the form request reached is used, which
     * is right when OSS reaches the service under the same name as the app does (and in local mode).
     */
    Optional<String> url();

    /** Time allowed for fetching a public key (default 5 s, between 100 ms and 30 s). */
    @WithDefault("5s")
    Duration keyFetchTimeout();

    /**
     * How long a seen callback signature is remembered to refuse replays (default 1 h, between 1 min and 7 days); at
     * most {@value CallbackConfigCheck#MAX_REMEMBERED} signatures are kept per replica.
     */
    @WithDefault("1h")
    Duration replayWindow();
}
