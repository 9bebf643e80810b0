package io.stsvend.testing;

import io.stsvend.sts.GuardTimeouts;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The AssumeRole guard's total timeouts on the service's {@link MutableClock}: a timeout ends once that clock has
 * passed it, so after its real duration as in production, or at once when a test advances the clock past it (a
 * ticker checks every few milliseconds). Moving the clock back postpones pending timeouts, so tests using this
 * reset the clock only while no AssumeRole is in flight.
 *
 * <p>Off by default: a test profile turns it on with {@code getEnabledAlternatives()}, so that advancing the clock
 * cuts no other test's calls.
 */
@Alternative
@Singleton
public class ServiceClockTimeouts extends GuardTimeouts {

    private static final long TICK_MILLIS = 5;

    private final ClockScheduler timeouts;
    private final ScheduledFuture<?> ticker;

    @Inject
    public ServiceClockTimeouts(MutableClock clock) {
        this.timeouts = new ClockScheduler(clock);
        // Ticks on the scheduler production uses, so timeouts still run on its threads.
        this.ticker = super.scheduler().scheduleWithFixedDelay(timeouts::runDue, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return timeouts;
    }

    @PreDestroy
    void stop() {
        ticker.cancel(false);
    }
}
