package io.stsvend.upload;

import io.stsvend.configcheck.ConfigurationRule;
import io.stsvend.configcheck.GroupRule;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The callbacks group's {@link ConfigurationRule}: a callback setting outside its bounds, naming each property. */
@Singleton
public class CallbackConfigCheck extends GroupRule<CallbackConfig> {

    static final int MAX_REMEMBERED = 100_000;
    /** scheme://host[:port]/ and anything after: the host is always complete. */
    private static final Pattern PREFIX = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+/\\S*");
    static final int MIN_BINDING_KEY_BYTES = 32;

    @Inject
    public CallbackConfigCheck(CallbackConfig config) {
        super(config, CallbackConfigCheck::problems);
    }

    static List<String> problems(CallbackConfig config) {
        List<String> problems = new ArrayList<>();
        config.publicKeyUrlPrefixes().stream().filter(p -> !PREFIX.matcher(p).matches()).forEach(p -> problems.add(
                "stsvend.callback.public-key-url-prefixes: '" + p + "' is not an http(s) URL prefix with a host and '/'"));
        config.publicKeyUrlPrefixes().stream().filter(p -> p.startsWith("http://") && !config.allowHttpKeyUrls())
                .forEach(p -> problems.add("stsvend.callback.public-key-url-prefixes: '" + p + "' is plain http;"
                        + " only https key URLs are allowed (stsvend.callback.allow-http-key-urls is for tests)"));
        config.bindingKey().filter(k -> !longEnough(k)).ifPresent(k -> problems.add(
                "stsvend.callback.binding-key: must be Base64 of at least " + MIN_BINDING_KEY_BYTES + " bytes"));
        config.url().filter(u -> !u.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/\\S*")).ifPresent(u -> problems.add(
                "stsvend.callback.url: must be the http(s) URL of this service's /oss/callback"));
        within(problems, "key-fetch-timeout", config.keyFetchTimeout(), Duration.ofMillis(100), Duration.ofSeconds(30));
        within(problems, "replay-window", config.replayWindow(), Duration.ofMinutes(1), Duration.ofDays(7));
        return problems;
    }

    private static boolean longEnough(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim()).length >= MIN_BINDING_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void within(List<String> problems, String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add("stsvend.callback." + name + ": must be between " + min + " and " + max + ", is " + value);
        }
    }
}
