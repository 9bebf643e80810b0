package io.stsvend.sharedcache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Startup rules for {@code stsvend.shared-cache.*}: when enabled, at least one well-formed 32-byte key with a unique
 * id, and timings within bounds with the poll interval below the lock lifetime. Problems never quote a key.
 */
public final class SharedCacheChecks {

    private static final String KEYS = "stsvend.shared-cache.keys";

    private SharedCacheChecks() {
    }

    /** The problems with {@code shared}, one sentence each naming the property; empty when it may start. */
    public static List<String> problems(SharedCacheConfig shared) {
        List<String> problems = new ArrayList<>();
        if (shared.enabled()) {
            check(shared, problems);
        }
        return List.copyOf(problems);
    }

    private static void check(SharedCacheConfig shared, List<String> problems) {
        List<String> keys = shared.keys().orElse(List.of());
        if (keys.isEmpty()) {
            problems.add(KEYS + ": at least one key is required when stsvend.shared-cache.enabled is true");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            key(keys.get(i), i, ids, problems);
        }
        within(problems, "stsvend.shared-cache.lock-ttl", shared.lockTtl(), Duration.ofSeconds(1), Duration.ofSeconds(60));
        within(problems, "stsvend.shared-cache.poll-interval", shared.pollInterval(), Duration.ofMillis(10),
                Duration.ofSeconds(1));
        within(problems, "stsvend.shared-cache.operation-timeout", shared.operationTimeout(), Duration.ofMillis(10),
                Duration.ofSeconds(5));
        within(problems, "stsvend.shared-cache.retry-interval", shared.retryInterval(), Duration.ofMillis(100),
                Duration.ofSeconds(60));
        if (shared.pollInterval().compareTo(shared.lockTtl()) >= 0) {
            problems.add("stsvend.shared-cache.poll-interval: must be shorter than lock-ttl ("
                    + text(shared.lockTtl()) + "), is " + text(shared.pollInterval()));
        }
        // Shorter, and a probe of a hanging Redis could still be waiting when the next one starts.
        if (shared.retryInterval().compareTo(shared.operationTimeout()) < 0) {
            problems.add("stsvend.shared-cache.retry-interval: must be at least operation-timeout ("
                    + text(shared.operationTimeout()) + "), is " + text(shared.retryInterval()));
        }
    }

    private static void key(String spec, int position, Set<String> ids, List<String> problems) {
        String name = KEYS + "[" + position + "]";
        int colon = spec.indexOf(':');
        String id = colon < 0 ? "" : spec.substring(0, colon);
        if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
            problems.add(name + ": must be id:base64 with an id of 1-32 letters, digits, '-' or '_'");
            return;
        }
        if (!ids.add(id)) {
            problems.add(name + ": key id '" + id + "' appears more than once");
        }
        try {
            if (Base64.getDecoder().decode(spec.substring(colon + 1).trim()).length != 32) {
                problems.add(name + " (id " + id + "): must decode to exactly 32 bytes");
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + " (id " + id + "): is not valid base64");
        }
    }

    /** Requires {@code min <= value <= max}; worded as the other groups' startup checks word it. */
    private static void within(List<String> problems, String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(name + ": must be between " + text(min) + " and " + text(max) + ", is " + text(value));
        }
    }

    /** Whole seconds when exact (as the settings are usually written), milliseconds otherwise. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
