package io.stsvend.cloudbox.sts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Remembers each {@code SignatureNonce} for as long as a replay of its request could still pass the timestamp
 * check, i.e. until the request's own Timestamp plus the tolerance has passed on the emulator's clock; older
 * nonces are evicted on every use, so memory is bounded by request rate times the window.
 *
 * <p>Thread-safe; every method is a few map operations under the instance lock (never held while doing I/O).
 */
final class NonceWindow {

    private record Entry(String nonce, Instant forgetAfter) {
    }

    private final Duration tolerance;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::forgetAfter));

    NonceWindow(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * Records the nonce and returns true on its first use within the window; false when it is a replay.
     *
     * @param requestTime the request's (already validated) Timestamp
     * @param now         the emulator clock's current instant
     */
    synchronized boolean firstUse(String nonce, Instant requestTime, Instant now) {
        evictBefore(now);
        if (seen.containsKey(nonce)) {
            return false;
        }
        Instant forgetAfter = requestTime.plus(tolerance);
        seen.put(nonce, forgetAfter);
        byExpiry.add(new Entry(nonce, forgetAfter));
        return true;
    }

    /** Number of remembered nonces (for tests of the memory bound). */
    synchronized int size() {
        return seen.size();
    }

    private void evictBefore(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().forgetAfter().isBefore(now)) {
            seen.remove(byExpiry.poll().nonce());
        }
    }
}
