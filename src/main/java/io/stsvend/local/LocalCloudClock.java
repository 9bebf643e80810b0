package io.stsvend.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded cloud's own clock: the system clock plus an offset that tests move forward, e.g. to expire a
 * presigned URL or a token on the emulator's side. Separate from the service's clock because the Alibaba SDKs sign
 * with real time, and the emulators must keep accepting their timestamps while tests move the service's time.
 */
public class LocalCloudClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public LocalCloudClock(Clock base) {
        this.base = base;
    }

    /** Moves this clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Puts this clock back on system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the local cloud runs on UTC");
    }
}
