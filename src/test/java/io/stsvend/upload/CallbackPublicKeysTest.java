package io.stsvend.upload;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fetching a callback public key is bounded: in bytes (a huge or endless body is abandoned), in time (a server that
 * hangs or trickles its body fails the fetch at the deadline), in concurrency, and failures are remembered briefly.
 * A key server on localhost plays each misbehaviour.
 */
class CallbackPublicKeysTest {

    static final Duration DEADLINE = Duration.ofMillis(500);

    final CountDownLatch release = new CountDownLatch(1);
    final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
    final AtomicLong endlessWritten = new AtomicLong();
    final AtomicBoolean endlessStopped = new AtomicBoolean();
    final AtomicInteger missingHits = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    HttpServer server;
    String base;
    byte[] pem;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair()
                .getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/keys/ok.pem", exchange -> send(exchange, 200, pem));
        server.createContext("/keys/missing.pem", exchange -> {
            missingHits.incrementAndGet();
            send(exchange, 404, new byte[0]);
        });
        server.createContext("/keys/huge.pem", exchange -> send(exchange, 200, new byte[64 * 1024 * 1024]));
        server.createContext("/keys/endless.pem", this::endless);
        server.createContext("/keys/hang", exchange -> {
            waitFor(release);
            exchange.close();
        });
        server.createContext("/keys/trickle.pem", this::trickle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/keys/";
    }

    @AfterEach
    void stop() {
        release.countDown();
        trickler.shutdownNow();
        server.stop(0);
    }

    CallbackPublicKeys keys() {
        return new CallbackPublicKeys(new TestCallbackConfig(List.of(base), true, DEADLINE), nanos::get);
    }

    @Test
    void aKeyIsFetchedAndParsed() throws Exception {
        assertInstanceOf(PublicKey.class, keys().get(base + "ok.pem").get(30, TimeUnit.SECONDS));
    }

    @Test
    void aHugeBodyIsRefused() {
        assertFails(keys().get(base + "huge.pem"));
    }

    @Test
    void anEndlessBodyIsAbandonedAfterTheByteLimit() {
        assertFails(keys().get(base + "endless.pem"));

        // The client dropped the connection: the server's writes fail long before it wrote what a buffering
        // client would have taken in during the deadline.
        await().atMost(Duration.ofSeconds(30)).untilTrue(endlessStopped);
        assertTrue(endlessWritten.get() < 32L * 1024 * 1024, "written: " + endlessWritten.get());
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheDeadline() {
        Throwable failure = assertFails(keys().get(base + "hang"));

        assertTrue(causedBy(failure, java.net.http.HttpTimeoutException.class)
                || causedBy(failure, TimeoutException.class), failure.toString());
    }

    @Test
    void aBodyThatTricklesFailsAtTheDeadline() {
        Throwable failure = assertFails(keys().get(base + "trickle.pem"));

        assertTrue(causedBy(failure, TimeoutException.class), failure.toString());
    }

    @Test
    void concurrentFetchesAreCapped() {
        CallbackPublicKeys keys = keys();
        List<CompletableFuture<PublicKey>> hanging = new ArrayList<>();
        for (int i = 0; i < CallbackPublicKeys.MAX_CONCURRENT_FETCHES; i++) {
            hanging.add(keys.get(base + "hang/" + i));
        }
        hanging.forEach(f -> assertFalse(f.isDone(), "still waiting on the server"));

        CompletableFuture<PublicKey> beyond = keys.get(base + "hang/beyond");

        assertTrue(beyond.isCompletedExceptionally(), "refused at once, without a fetch");
        release.countDown();
        hanging.forEach(CallbackPublicKeysTest::assertFails);
    }

    @Test
    void aFailureIsRememberedBrieflyThenRetried() {
        CallbackPublicKeys keys = keys();

        assertFails(keys.get(base + "missing.pem"));
        assertFails(keys.get(base + "missing.pem"));
        assertEquals(1, missingHits.get(), "the second call did not fetch again");

        nanos.addAndGet(CallbackPublicKeys.FAILURE_TTL.plusSeconds(1).toNanos());
        assertFails(keys.get(base + "missing.pem"));
        assertEquals(2, missingHits.get());
    }

    @Test
    void plainHttpKeyUrlsAreRefusedByDefault() {
        TestCallbackConfig strict = new TestCallbackConfig(List.of(base), false, DEADLINE);
        CallbackPublicKeys keys = new CallbackPublicKeys(strict, Ticker.systemTicker());

        assertFalse(keys.allowed(base + "ok.pem"));
        assertFails(keys.get(base + "ok.pem"));
        assertEquals(1, CallbackConfigCheck.problems(strict).size(), CallbackConfigCheck.problems(strict).toString());
        assertTrue(CallbackConfigCheck.problems(new TestCallbackConfig(List.of("https://keys.example/"), false,
                DEADLINE)).isEmpty());
    }

    private void endless(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[8192];
        try (OutputStream out = exchange.getResponseBody()) {
            while (release.getCount() > 0) {
                out.write(chunk);
                endlessWritten.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            endlessStopped.set(true);
        }
    }

    private void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        trickler.scheduleAtFixedRate(() -> {
            try {
                out.write('-');
                out.flush();
            } catch (IOException e) {
                exchange.close();
                throw new IllegalStateException(e);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        waitFor(release);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client gave up reading: expected for the huge body
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fetch fails, well within a generous wait. */
    private static Throwable assertFails(CompletableFuture<PublicKey> fetch) {
        return assertThrows(ExecutionException.class, () -> fetch.get(30, TimeUnit.SECONDS)).getCause();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
