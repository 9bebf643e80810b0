package io.stsvend.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's clock in every Quarkus test: system time plus an offset that tests move forward instead of sleeping
 * ({@link #advance}). {@link CloudBoxTestSupport} resets it after every test method. Independent of the embedded cloud's clock:
 * the two are moved separately. Thread-safe.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends MovableClock {

    private final AtomicLong offsetNanos = new AtomicLong();

    @Override
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
}
