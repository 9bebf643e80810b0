package io.stsvend.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing on its own: a task scheduled with a delay is due at the
 * given clock's time plus that delay, and runs (on the caller's thread) only when a test calls {@link #runDue()}
 * after moving the clock. Lets timeouts be tested without waiting for them. Only one-shot {@code schedule} and
 * {@code execute} (run at once) are supported; periodic scheduling is refused.
 */
public final class ClockScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final Clock clock;
    private final List<Task<?>> pending = new ArrayList<>();

    public ClockScheduler(Clock clock) {
        this.clock = clock;
    }

    /** Runs, in due order, every task not cancelled whose time has come on the clock; returns how many ran. */
    public int runDue() {
        List<Task<?>> due;
        synchronized (this) {
            Instant now = clock.instant();
            due = pending.stream().filter(t -> !t.dueAt.isAfter(now)).sorted((a, b) -> a.dueAt.compareTo(b.dueAt))
                    .toList();
            pending.removeAll(due);
        }
        due.forEach(Task::run);
        return (int) due.stream().filter(t -> !t.isCancelled()).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(() -> {
            command.run();
            return null;
        }, delay, unit);
    }

    @Override
    public synchronized <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Task<V> task = new Task<>(callable, clock.instant().plus(Duration.of(delay, unit.toChronoUnit())));
        pending.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not supported");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not supported");
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        throw new UnsupportedOperationException("a test's scheduler is not shut down");
    }

    @Override
    public List<Runnable> shutdownNow() {
        throw new UnsupportedOperationException("a test's scheduler is not shut down");
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {

        final Instant dueAt;

        Task(Callable<V> callable, Instant dueAt) {
            super(callable);
            this.dueAt = dueAt;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), dueAt));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
