package io.stsvend.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that tests move instead of waiting. By default it refuses other zones, which no code under test asks
 * for; {@link StoppedClock} offers a zone view that moves with it.
 */
public abstract class MovableClock extends Clock {

    /** Moves this clock forward (or back, with a negative amount). */
    public abstract void advance(Duration amount);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock runs on UTC");
    }
}
