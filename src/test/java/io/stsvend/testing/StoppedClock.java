package io.stsvend.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it, for plain (non-Quarkus) tests that need exact boundaries.
 * Thread-safe. {@link #now()} starts one at the current whole second, close enough to real time for the SDKs'
 * request timestamps. {@link #withZone} gives a view in another zone that moves with this clock.
 */
public final class StoppedClock extends MovableClock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public StoppedClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private StoppedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
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

    /** The same stopped instant seen from {@code zone}; advancing either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new StoppedClock(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }
}
