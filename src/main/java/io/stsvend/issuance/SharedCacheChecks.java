package io.stsvend.issuance;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Startup rules for {@code stsvend.shared-cache.*}: when enabled, at least one well-formed 32-byte key with a unique
 * id, and timings within bounds with the poll interval below the lock lifetime. Problems never quote a key.
 */
final class SharedCacheChecks {

    private static final String KEYS = "stsvend.shared-cache.keys";

    private SharedCacheChecks() {
    }

    static void check(SharedCacheConfig shared, Problems problems) {
        if (!shared.enabled()) {
            return;
        }
        List<String> keys = shared.keys().orElse(List.of());
        if (keys.isEmpty()) {
            problems.add(KEYS + ": at least one key is required when stsvend.shared-cache.enabled is true");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            key(keys.get(i), i, ids, problems);
        }
        problems.within("stsvend.shared-cache.lock-ttl", shared.lockTtl(), Duration.ofSeconds(1), Duration.ofSeconds(60));
        problems.within("stsvend.shared-cache.poll-interval", shared.pollInterval(), Duration.ofMillis(10),
                Duration.ofSeconds(1));
        problems.within("stsvend.shared-cache.operation-timeout", shared.operationTimeout(), Duration.ofMillis(10),
                Duration.ofSeconds(5));
        problems.within("stsvend.shared-cache.retry-interval", shared.retryInterval(), Duration.ofMillis(100),
                Duration.ofSeconds(60));
        if (shared.pollInterval().compareTo(shared.lockTtl()) >= 0) {
            problems.add("stsvend.shared-cache.poll-interval: must be shorter than lock-ttl ("
                    + Problems.text(shared.lockTtl()) + "), is " + Problems.text(shared.pollInterval()));
        }
        // Shorter, and a probe of a hanging Redis could still be waiting when the next one starts.
        if (shared.retryInterval().compareTo(shared.operationTimeout()) < 0) {
            problems.add("stsvend.shared-cache.retry-interval: must be at least operation-timeout ("
                    + Problems.text(shared.operationTimeout()) + "), is " + Problems.text(shared.retryInterval()));
        }
    }

    private static void key(String spec, int position, Set<String> ids, Problems problems) {
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
}
