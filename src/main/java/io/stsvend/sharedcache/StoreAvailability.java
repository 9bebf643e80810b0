package io.stsvend.sharedcache;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether {@link SharedFlight} may send commands to the shared store: after a command fails it stays away for
 * {@code retryInterval} on {@code clock}, so a down or hanging Redis costs one failed (or timed-out) command per
 * interval instead of one per local miss. Once the interval has passed, exactly one caller is let through as the
 * probe (the others keep staying away meanwhile); a successful command ends the degraded state.
 *
 * <p>Lock-free: the state is the instant of the next probe, {@code null} while the store is available. Logs one
 * line per transition, never the failure's message (it may quote a command, and with it a sealed value).
 */
final class StoreAvailability {

    private static final Logger LOG = Logger.getLogger(StoreAvailability.class);

    private final Clock clock;
    private final Duration retryInterval;
    private final AtomicReference<Instant> probeAt = new AtomicReference<>();

    StoreAvailability(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** True while the store counts as unavailable (the last command failed and none has succeeded since). */
    boolean degraded() {
        return probeAt.get() != null;
    }

    /**
     * True if the caller may use the store now: it is available, or the retry interval has passed and this caller
     * won the probe. Winning moves the next probe one interval on, so concurrent misses do not all wait on a hang.
     */
    boolean tryUse() {
        while (true) {
            Instant at = probeAt.get();
            if (at == null) {
                return true;
            }
            Instant now = clock.instant();
            if (now.isBefore(at)) {
                return false;
            }
            if (probeAt.compareAndSet(at, now.plus(retryInterval))) {
                return true;
            }
        }
    }

    /** A command answered: the store is available again. */
    void succeeded() {
        if (probeAt.getAndSet(null) != null) {
            LOG.info("Shared credential cache reachable again; sharing tokens across replicas");
        }
    }

    /** A command failed or timed out: stay away from the store for one retry interval from now. */
    void failed(Throwable failure) {
        if (probeAt.getAndSet(clock.instant().plus(retryInterval)) == null) {
            LOG.warnf("Shared credential cache unavailable (%s); caching per replica, next try in %s",
                    failure.getClass().getSimpleName(), SharedCacheChecks.text(retryInterval));
        }
    }
}
