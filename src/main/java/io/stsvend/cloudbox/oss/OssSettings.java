package io.stsvend.cloudbox.oss;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Static configuration of one {@link OssEmulator}.
 *
 * @param buckets            the buckets served (at least one; names unique)
 * @param region             the plain region id, e.g. {@code cn-hangzhou}; V4 signatures must be scoped to it
 * @param virtualHostSuffix  requests whose {@code Host} is {@code <bucket>.<suffix>} (port ignored) are addressed
 *                           virtual-hosted style, e.g. {@code oss-cn-hangzhou.localhost}
 * @param dataDirectory      where objects are persisted; empty keeps everything in memory only
 * @param maxObjectSize      largest accepted request body and completed object, in bytes (1 byte .. 5 GiB)
 */
public record OssSettings(List<OssBucket> buckets, String region, String virtualHostSuffix,
                          Optional<Path> dataDirectory, long maxObjectSize) {

    /** Clock skew tolerated between the request's signing time and the emulator clock (OSS: 15 minutes). */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final long MAX_OBJECT_SIZE_LIMIT = 5L * 1024 * 1024 * 1024;

    public OssSettings {
        buckets = List.copyOf(Objects.requireNonNull(buckets, "buckets"));
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(virtualHostSuffix, "virtualHostSuffix");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("at least one bucket is required");
        }
        if (buckets.stream().map(OssBucket::name).distinct().count() != buckets.size()) {
            throw new IllegalArgumentException("bucket names must be unique");
        }
        if (!region.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("region must be a plain region id such as cn-hangzhou");
        }
        if (virtualHostSuffix.isBlank() || virtualHostSuffix.startsWith(".")) {
            throw new IllegalArgumentException("virtualHostSuffix must be a host name without leading dot");
        }
        if (maxObjectSize < 1 || maxObjectSize > MAX_OBJECT_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxObjectSize must be between 1 byte and 5 GiB");
        }
    }

    /** In-memory settings with a 64 MiB object limit, virtual host suffix {@code oss-<region>.localhost}. */
    public static OssSettings inMemory(String region, OssBucket... buckets) {
        return new OssSettings(List.of(buckets), region, "oss-" + region + ".localhost", Optional.empty(),
                64L * 1024 * 1024);
    }

    Map<String, OssBucket> bucketsByName() {
        Map<String, OssBucket> byName = new LinkedHashMap<>();
        buckets.forEach(b -> byName.put(b.name(), b));
        return byName;
    }
}
