package io.stsvend.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AuditWriter}: lines leave the caller's thread, none is lost, none is written twice. */
class AuditWriterTest {

    /** A line as the sink received it, with the thread that wrote it. */
    record Written(String line, String thread) {
    }

    final List<Written> written = new CopyOnWriteArrayList<>();
    final List<AuditWriter> writers = new ArrayList<>();

    /** A writer whose thread drains every 10 ms, as the service's. */
    AuditWriter writer(int maxPending, CountDownLatch each) {
        return writer(maxPending, each, AuditWriter.INTERVAL_NANOS);
    }

    /** A writer whose thread does not drain the queue before it is closed (or the hour is up). */
    AuditWriter idleWriter(int maxPending) {
        return writer(maxPending, new CountDownLatch(0), TimeUnit.HOURS.toNanos(1));
    }

    AuditWriter writer(int maxPending, CountDownLatch each, long intervalNanos) {
        AuditWriter writer = new AuditWriter(line -> {
            written.add(new Written(line, Thread.currentThread().getName()));
            each.countDown();
        }, "audit-test", maxPending, intervalNanos);
        writers.add(writer);
        return writer;
    }

    @AfterEach
    void close() {
        writers.forEach(AuditWriter::close);
    }

    @Test
    void theWritersOwnThreadWritesTheLinesInTheOrderTheyCame() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        AuditWriter writer = writer(100, three);
        writer.write("a");
        writer.write("b");
        writer.write("c");

        assertTrue(three.await(30, TimeUnit.SECONDS), "written without a flush");
        assertEquals(List.of(new Written("a", "audit-test"), new Written("b", "audit-test"),
                new Written("c", "audit-test")), written);
        assertEquals(0, writer.pending());
    }

    @Test
    void flushWritesWhatIsQueuedOnTheCallingThread() {
        AuditWriter writer = idleWriter(100);
        writer.write("a");
        assertEquals(List.of(), written, "queued, not written by the caller");
        writer.flush();

        assertEquals(List.of(new Written("a", Thread.currentThread().getName())), written);
        assertEquals(0, writer.pending());
    }

    @Test
    void aCallerWritesItsOwnLineWhenTheQueueIsFullAfterTheLinesQueuedBeforeIt() {
        AuditWriter writer = idleWriter(2);
        writer.write("a");
        writer.write("b");
        writer.write("c");

        assertEquals(List.of("a", "b", "c"), lines(), "all written by the time the third call returned");
        assertEquals(new Written("c", Thread.currentThread().getName()), written.get(2));
    }

    @Test
    void closeWritesWhatIsLeftAndLaterLinesAreWrittenDirectly() {
        AuditWriter writer = idleWriter(1_000);
        IntStream.range(0, 500).forEach(i -> writer.write("line " + i));
        writer.close();
        assertEquals(IntStream.range(0, 500).mapToObj(i -> "line " + i).toList(), lines());

        writer.write("after");
        assertEquals("after", lines().get(500), "written at once: no thread is left to write it");
        assertEquals(Thread.currentThread().getName(), written.get(500).thread());
    }

    @Test
    void manyThreadsLoseNoLineAndWriteNoneTwice() throws Exception {
        AuditWriter writer = writer(64, new CountDownLatch(0));
        int threads = 4;
        int each = 5_000;
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    writer.write(caller + ":" + i);
                }
            });
            thread.start();
            callers.add(thread);
        }
        for (Thread caller : callers) {
            caller.join();
        }
        writer.close();

        List<String> lines = lines();
        assertEquals(threads * each, lines.size());
        assertEquals(threads * each, lines.stream().distinct().count());
        for (int t = 0; t < threads; t++) {
            String prefix = t + ":";
            List<Integer> order = lines.stream().filter(l -> l.startsWith(prefix))
                    .map(l -> Integer.parseInt(l.substring(prefix.length()))).toList();
            assertEquals(IntStream.range(0, each).boxed().toList(), order, "one caller's lines stay in order");
        }
    }

    List<String> lines() {
        return written.stream().map(Written::line).toList();
    }
}
