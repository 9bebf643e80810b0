package io.stsvend.upload;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link CallbackConfig} built in plain unit tests. */
record TestCallbackConfig(List<String> publicKeyUrlPrefixes, boolean allowHttpKeyUrls, Duration keyFetchTimeout)
        implements CallbackConfig {

    @Override
    public Optional<List<String>> extraPublicKeyUrlPrefixes() {
        return Optional.empty();
    }

    @Override
    public Optional<String> url() {
        return Optional.empty();
    }

    @Override
    public Optional<String> bindingKey() {
        return Optional.empty();
    }

    @Override
    public Duration replayWindow() {
        return Duration.ofHours(1);
    }
}
