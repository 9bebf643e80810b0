package io.stsvend.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's clock in every Quarkus test: system time plus an offset that tests move forward instead of sleeping
 * ({@link #advance}). Tests that move it call {@link #reset()} when done. Independent of the embedded cloud's clock:
 * the two are moved separately. Thread-safe.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    private final AtomicLong offsetNanos = new AtomicLong();

    /** Moves this clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        offsetNanos.addAndGet(amount.toNanos());
    }

    /** Puts this clock back on system time. */
    public void reset() {
        offsetNanos.set(0);
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's test clock runs on UTC");
    }
}
