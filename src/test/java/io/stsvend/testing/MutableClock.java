package io.stsvend.testing;

import io.stsvend.local.LocalCloudClock;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's clock in every Quarkus test: system time plus an offset that tests move forward instead of sleeping
 * ({@link #advance}). Tests that move it call {@link #reset()} when done. Same mechanics as the embedded cloud's
 * clock, but a separate instance: the two are moved independently.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends LocalCloudClock {

    public MutableClock() {
        super(Clock.systemUTC());
    }
}
