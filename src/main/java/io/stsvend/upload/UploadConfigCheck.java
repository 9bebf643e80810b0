package io.stsvend.upload;

import io.stsvend.configcheck.ConfigurationRule;
import io.stsvend.configcheck.GroupRule;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The uploads group's {@link ConfigurationRule}: lifetime or form size cap out of bounds, naming each property. */
@Singleton
public class UploadConfigCheck extends GroupRule<UploadConfig> {

    static final long MIN_SECONDS = 60;
    static final Duration MAX = Duration.ofDays(7);
    /** OSS refuses PostObject files over 5 GiB. */
    static final long MAX_FORM_BYTES = 5L * 1024 * 1024 * 1024;

    @Inject
    public UploadConfigCheck(UploadConfig config) {
        super(config, UploadConfigCheck::problems);
    }

    static List<String> problems(UploadConfig config) {
        List<String> problems = new ArrayList<>();
        Duration lifetime = config.maxLifetime();
        if (lifetime.getSeconds() < MIN_SECONDS || lifetime.compareTo(MAX) > 0) {
            problems.add("stsvend.uploads.max-lifetime: must be between " + MIN_SECONDS + "s and " + MAX.toSeconds()
                    + "s, is " + lifetime.toSeconds() + "s");
        }
        if (config.maxFormBytes() < 1 || config.maxFormBytes() > MAX_FORM_BYTES) {
            problems.add("stsvend.uploads.max-form-bytes: must be between 1 and " + MAX_FORM_BYTES + ", is "
                    + config.maxFormBytes());
        }
        return problems;
    }
}
