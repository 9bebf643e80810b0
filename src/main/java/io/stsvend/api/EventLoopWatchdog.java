package io.stsvend.api;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Notices a wedged event loop. Contract: {@link #ping()} puts a no-op on every event loop that has no ping pending;
 * a loop whose ping has been pending for longer than {@code stall} (on the injected nanosecond source) is stalled
 * ({@link #stalledLoops()}). Thread-safe; {@code ping} never blocks and never runs on a loop itself.
 */
final class EventLoopWatchdog {

    private static final long IDLE = Long.MIN_VALUE;

    private final List<EventExecutor> loops = new ArrayList<>();
    private final List<AtomicLong> pendingSince = new ArrayList<>();
    private final LongSupplier nanos;
    private final long stallNanos;

    EventLoopWatchdog(EventExecutorGroup group, LongSupplier nanos, Duration stall) {
        group.forEach(loops::add);
        loops.forEach(loop -> pendingSince.add(new AtomicLong(IDLE)));
        this.nanos = nanos;
        this.stallNanos = stall.toNanos();
    }

    void ping() {
        for (int i = 0; i < loops.size(); i++) {
            AtomicLong since = pendingSince.get(i);
            if (since.compareAndSet(IDLE, nanos.getAsLong())) {
                try {
                    loops.get(i).execute(() -> since.set(IDLE));
                } catch (RejectedExecutionException shuttingDown) {
                    since.set(IDLE);
                }
            }
        }
    }

    /** How many loops have not run a ping within the stall limit. */
    int stalledLoops() {
        long now = nanos.getAsLong();
        return (int) pendingSince.stream().mapToLong(AtomicLong::get)
                .filter(since -> since != IDLE && now - since > stallNanos).count();
    }

    int loops() {
        return loops.size();
    }
}
