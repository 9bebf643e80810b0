package io.stsvend.upload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Direct-upload settings ({@code stsvend.uploads.*}), checked at startup by {@link UploadConfigCheck}.
 */
@ConfigMapping(prefix = "stsvend.uploads")
public interface UploadConfig {

    /**
     * The longest lifetime of a presigned URL or PostObject form (default 15 minutes, between
     * {@value UploadConfigCheck#MIN_SECONDS} s and 7 days, Signature V4's limit). A request may ask for less; it never
     * gets more, nor more than the signing credentials' own remaining life.
     */
    @WithDefault("PT15M")
    Duration maxLifetime();

    /**
     * The largest file a PostObject form from {@code POST /uploads/form} admits, in bytes (default 100 MiB, between
     * 1 and 5 GiB, OSS's PostObject limit): the upper bound of the policy's {@code content-length-range}. A request
     * may ask for less, never for more.
     */
    @WithDefault("104857600")
    long maxFormBytes();
}
