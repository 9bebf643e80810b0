package io.stsvend.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it, for plain (non-Quarkus) tests that need exact boundaries.
 * Thread-safe. {@link #now()} starts one at the current whole second, close enough to real time for the SDKs'
 * request timestamps.
 */
public final class StoppedClock extends MovableClock {

    private final AtomicReference<Instant> now;

    public StoppedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static StoppedClock now() {
        return new StoppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public void advance(Duration amount) {
        now.updateAndGet(t -> t.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
