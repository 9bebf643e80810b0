package io.stsvend.api;

import io.vertx.core.Vertx;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wedged event loop is noticed: with real Vert.x loops and a hand-moved clock, a loop blocked in a task is
 * reported stalled once its ping is older than the limit, the others are not, and it recovers when it runs again.
 */
class EventLoopWatchdogTest {

    static final Duration STALL = Duration.ofSeconds(10);

    final Vertx vertx = Vertx.vertx();
    final AtomicLong nanos = new AtomicLong();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        vertx.close();
    }

    @Test
    void aBlockedLoopIsStalledOnceItsPingIsOlderThanTheLimit() {
        EventLoopWatchdog watchdog = new EventLoopWatchdog(vertx.nettyEventLoopGroup(), nanos::get, STALL);
        assertTrue(watchdog.loops() > 1, "Vert.x runs several event loops");
        vertx.nettyEventLoopGroup().iterator().next().execute(this::waitForRelease);

        watchdog.ping();
        nanos.addAndGet(STALL.toNanos());
        assertEquals(0, watchdog.stalledLoops(), "not stalled at exactly the limit");
        nanos.addAndGet(1);
        // The healthy loops run their pings (real threads); only the blocked one stays pending.
        await().atMost(Duration.ofSeconds(30)).until(() -> watchdog.stalledLoops() == 1);

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> watchdog.stalledLoops() == 0);
    }

    @Test
    void healthyLoopsAreNeverStalled() {
        EventLoopWatchdog watchdog = new EventLoopWatchdog(vertx.nettyEventLoopGroup(), nanos::get, STALL);

        watchdog.ping();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            nanos.addAndGet(STALL.toNanos() + 1);
            return watchdog.stalledLoops() == 0;
        });
    }

    private void waitForRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
