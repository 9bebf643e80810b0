package io.stsvend.audit;

import org.jboss.logging.Logger;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands rendered audit lines to their logger from a thread of its own, so the thread that served the request (a
 * Vert.x event loop) only queues a string: it never formats a log record, takes the console handler's lock or
 * writes to standard output (a pipe a log collector may be slow to read).
 *
 * <p>Measured in one run on the bench's two cores, a synchronous line cost a cached request about 20 µs of CPU
 * (of about 110), mostly outside Java: one {@code write} and about one contended {@code futex} per line, the two
 * event loops queueing on the handler's lock. Here one thread writes, so nothing contends for that lock, and the
 * event loops do not wait for the write.
 *
 * <p>No line is dropped. The writer drains the queue every {@link #INTERVAL_NANOS} (10 ms), so a line reaches the
 * log at most about that much after its request. When {@link #MAX_PENDING} lines wait (the log cannot keep up), the
 * caller writes its line itself, as all did before, and is slowed instead (8,192 lines of a few hundred bytes: a
 * few MB of heap at most, over a second of the bench's peak rate). {@link #close()} stops the thread and writes
 * what is left; {@link #flush()} writes what is queued now, on the calling thread. Lines of one caller stay in
 * order; lines of different threads are in the order they were queued.
 */
final class AuditWriter implements AutoCloseable {

    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final int MAX_PENDING = 8_192;

    private final Consumer<String> sink;
    private final int maxPending;
    private final long intervalNanos;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    /** Held while draining, so a {@link #flush()} and the thread never interleave their batches. */
    private final ReentrantLock draining = new ReentrantLock();
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * @param sink       writes one line (the logger's {@code info})
     * @param maxPending    lines queued at most; beyond, a caller writes its line itself
     * @param intervalNanos how long the thread waits between two drains of the queue
     */
    AuditWriter(Consumer<String> sink, String threadName, int maxPending, long intervalNanos) {
        this.sink = sink;
        this.maxPending = maxPending;
        this.intervalNanos = intervalNanos;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code line} for the log, or writes it now (after every line queued before it) if the queue is full. */
    void write(String line) {
        if (!open || size.get() >= maxPending) {
            draining.lock();
            try {
                drain();
                sink.accept(line);
            } finally {
                draining.unlock();
            }
            return;
        }
        size.incrementAndGet();
        pending.offer(line);
        if (!open) {
            // Closed between the check and the offer: make sure nothing stays queued.
            flush();
        }
    }

    /** Writes every queued line now, on the calling thread. */
    void flush() {
        draining.lock();
        try {
            drain();
        } finally {
            draining.unlock();
        }
    }

    private void drain() {
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            size.decrementAndGet();
            sink.accept(line);
        }
    }

    /** Lines queued and not yet written. */
    int pending() {
        return size.get();
    }

    private void run() {
        while (open) {
            LockSupport.parkNanos(this, intervalNanos);
            try {
                flush();
            } catch (RuntimeException e) {
                // A handler failed; keep the thread, the next lines may get through. Never the line's text.
                Logger.getLogger(AuditWriter.class).errorf("Audit lines could not be written (%s)",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Stops the thread, then writes what is left. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
