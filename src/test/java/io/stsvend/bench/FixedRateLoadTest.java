package io.stsvend.bench;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bench's open-loop generator against servers on the loopback: what it counts, that it reuses connections and
 * parses the bodies it gets, and that queueing behind a slow server counts in the latency. The bounds are loose on
 * purpose (the machine is shared with other work); what is exact is what does not depend on timing.
 */
class FixedRateLoadTest {

    private static final String OK_BODY = "{\"ok\":true}";

    @Test
    void everyRequestAnsweredAfterTheWarmUpIsCountedAndTheTokensRotate() throws Exception {
        Map<String, AtomicInteger> authorizations = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> hosts = new ConcurrentHashMap<>();
        try (VertxServer server = new VertxServer(request -> {
            count(authorizations, request.getHeader("Authorization"));
            count(hosts, request.getHeader("Host"));
            answer(request, 200, OK_BODY);
        })) {
            FixedRateLoad.Result result = FixedRateLoad.run(server.url("/credentials"), List.of("a", "b", "c"), 500,
                    Duration.ofSeconds(1), 8, Duration.ofSeconds(1));

            assertFalse(result.unfinished(), result.line());
            assertEquals(0, result.errors(), result.line());
            assertEquals(result.sent(), result.ok(), result.line());
            assertTrue(Math.abs(result.ok() - 500) <= 50, "about rate × seconds recorded: " + result.line());
            int seen = authorizations.values().stream().mapToInt(AtomicInteger::get).sum();
            assertTrue(Math.abs(seen - 1000) <= 100, "warm-up requests sent too, not recorded: " + seen);
            assertEquals(Set.of("Bearer a", "Bearer b", "Bearer c"), authorizations.keySet());
            int min = authorizations.values().stream().mapToInt(AtomicInteger::get).min().orElseThrow();
            int max = authorizations.values().stream().mapToInt(AtomicInteger::get).max().orElseThrow();
            assertTrue(max - min <= 1, "tokens in turn: " + authorizations);
            assertEquals(Set.of("127.0.0.1:" + server.port()), hosts.keySet(), "Host is the URL's host:port");
            assertTrue(result.p50Us() > 0 && result.p50Us() <= result.p90Us() && result.p90Us() <= result.p99Us()
                    && result.p99Us() <= result.p999Us() && result.p999Us() <= result.maxUs(), result.line());
            assertTrue(result.maxUs() < Duration.ofSeconds(10).toNanos() / 1000, result.line());
        }
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsReadOnAConnectionThatStaysOpen() throws Exception {
        byte[] head = ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTRANSFER-ENCODING: chunked\r\n\r\n");
        byte[] first = chunk(20_000, "");
        byte[] second = chunk(26, ";name=value");
        byte[] third = chunk(10_000, "");
        byte[] last = ascii("0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n");
        try (CannedServer server = new CannedServer((n, out) -> {
            for (byte[] piece : List.of(head, first, second, third, last)) {
                out.write(piece); // in pieces: the answer arrives over several reads, larger than the read buffer
                out.flush();
            }
            return true;
        })) {
            FixedRateLoad.Result result = FixedRateLoad.run(server.url(), List.of("t"), 200, Duration.ofSeconds(1), 4,
                    Duration.ZERO);

            assertFalse(result.unfinished(), result.line());
            assertEquals(0, result.errors(), result.line());
            assertEquals(200, result.ok(), result.line());
            assertEquals(200, server.requests.get());
            assertTrue(server.connections.get() <= 4, "connections reused: " + server.connections.get());
        }
    }

    @Test
    void answersOtherThan200AreErrors() throws Exception {
        AtomicInteger good = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (VertxServer server = new VertxServer(request -> {
            if ("Bearer good".equals(request.getHeader("Authorization"))) {
                good.incrementAndGet();
                answer(request, 200, OK_BODY);
            } else {
                refused.incrementAndGet();
                answer(request, 503, "{\"error\":\"busy\"}");
            }
        })) {
            FixedRateLoad.Result result = FixedRateLoad.run(server.url("/credentials"), List.of("good", "bad"), 200,
                    Duration.ofSeconds(1), 4, Duration.ZERO);

            assertFalse(result.unfinished(), result.line());
            assertEquals(100, good.get());
            assertEquals(good.get(), result.ok(), result.line());
            assertEquals(refused.get(), result.errors(), result.line());
            assertEquals(result.ok() + result.errors(), result.sent(), result.line());
        }
    }

    @Test
    void queueingBehindASlowServerCountsFromTheDueTime() throws Exception {
        Duration stall = Duration.ofMillis(300);
        try (VertxServer server = new VertxServer(request -> Vertx.currentContext().owner()
                .setTimer(stall.toMillis(), timer -> answer(request, 200, OK_BODY)))) {
            // 15 requests due 20 ms apart on 1 connection served 300 ms each: request k completes at best (k + 1) ×
            // 300 ms after the start, so k = 14 waited at least 15 × 300 - 14 × 20 = 4,220 ms from its due time.
            FixedRateLoad.Result result = FixedRateLoad.run(server.url("/credentials"), List.of("t"), 50,
                    Duration.ofMillis(300), 1, Duration.ZERO);

            assertFalse(result.unfinished(), result.line());
            assertEquals(15, result.ok(), result.line());
            assertTrue(result.p99Us() >= 4_000_000, "p99 counts the backlog, not 300 ms: " + result.line());
            assertTrue(result.p50Us() >= 2_000_000, "so does the median: " + result.line());
        }
    }

    @Test
    void theResultLineKeepsItsFieldsInOrder() {
        FixedRateLoad.Result result = new FixedRateLoad.Result(5000.4, 99_000, 98_990, 10, true, 512, 900, 2047,
                4_095, 120_000);

        assertEquals("RESULT rate=5000 sent=99000 ok=98990 errors=10 unfinished=true p50_us=512 p90_us=900"
                + " p99_us=2047 p999_us=4095 max_us=120000", result.line());
    }

    @Test
    void connectionCloseIsHonouredByConnectingAgain() throws Exception {
        byte[] answer = ascii("HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}");
        try (CannedServer server = new CannedServer((n, out) -> {
            out.write(answer);
            return false;
        })) {
            FixedRateLoad.Result result = FixedRateLoad.run(server.url(), List.of("t"), 200, Duration.ofSeconds(1), 4,
                    Duration.ZERO);

            assertFalse(result.unfinished(), result.line());
            assertEquals(0, result.errors(), result.line());
            assertEquals(200, result.ok(), result.line());
            assertTrue(server.connections.get() >= 200, "one connection per answer: " + server.connections.get());
        }
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsAnErrorAndIsReplaced() throws Exception {
        byte[] answer = ascii("HTTP/1.1 200 OK\r\ncontent-length: 11\r\n\r\n{\"ok\":true}");
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        try (CannedServer server = new CannedServer((n, out) -> {
            if (n % 3 == 2) {
                dropped.incrementAndGet();
                return false;
            }
            answered.incrementAndGet();
            out.write(answer);
            return true;
        })) {
            FixedRateLoad.Result result = FixedRateLoad.run(server.url(), List.of("t"), 300, Duration.ofSeconds(1), 4,
                    Duration.ZERO);

            assertFalse(result.unfinished(), result.line());
            assertEquals(100, dropped.get());
            assertEquals(dropped.get(), result.errors(), result.line());
            assertEquals(answered.get(), result.ok(), result.line());
        }
    }

    @Test
    void theParserFindsTheEndOfAnAnswerHoweverItsBytesArrive() {
        byte[] chunked = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "5\r\nhello\r\n1A ; x=y\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: 1\r\n\r\n");
        byte[] sized = ascii("HTTP/1.1 503 Busy\r\ncontent-LENGTH:  4 \r\nConnection: Close\r\n\r\nbusy");
        byte[] noBody = ascii("HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n");
        for (byte[] answer : List.of(chunked, sized, noBody)) {
            FixedRateLoad.Response byByte = new FixedRateLoad.Response();
            for (int k = 1; k < answer.length; k++) {
                assertEquals(FixedRateLoad.Response.MORE, byByte.parse(answer, k), "after " + k + " bytes");
            }
            assertEquals(FixedRateLoad.Response.DONE, byByte.parse(answer, answer.length));
            assertEquals(answer.length, byByte.end);
            for (int k = 1; k < answer.length; k++) {
                FixedRateLoad.Response twoReads = new FixedRateLoad.Response();
                twoReads.parse(answer, k);
                assertEquals(FixedRateLoad.Response.DONE, twoReads.parse(answer, answer.length), "split at " + k);
                assertEquals(answer.length, twoReads.end);
            }
        }
        FixedRateLoad.Response response = new FixedRateLoad.Response();
        response.parse(sized, sized.length);
        assertEquals(503, response.status);
        assertTrue(response.close);
        response.reset();
        response.parse(chunked, chunked.length);
        assertEquals(200, response.status);
        assertFalse(response.close);

        byte[] old = ascii("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        response.reset();
        assertEquals(FixedRateLoad.Response.DONE, response.parse(old, old.length));
        assertTrue(response.close, "HTTP/1.0 without keep-alive closes");
        byte[] untilClose = ascii("HTTP/1.1 200 OK\r\n\r\nbody");
        response.reset();
        assertEquals(FixedRateLoad.Response.MORE, response.parse(untilClose, untilClose.length));
        assertEquals(FixedRateLoad.Response.DONE, response.endOfStream(untilClose.length));
        for (String bad : List.of("SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            response.reset();
            assertEquals(FixedRateLoad.Response.BAD, response.parse(ascii(bad), bad.length()), bad);
        }
    }

    private static void count(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
    }

    private static void answer(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    private static byte[] chunk(int size, String extension) {
        StringBuilder text = new StringBuilder(Integer.toHexString(size)).append(extension).append("\r\n");
        for (int i = 0; i < size; i++) {
            text.append((char) ('a' + i % 26));
        }
        return ascii(text.append("\r\n").toString());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Vert.x's HTTP server on the loopback, the HTTP stack the service itself answers with. */
    private static final class VertxServer implements AutoCloseable {
        private final Vertx vertx = Vertx.vertx();
        private final HttpServer server;

        VertxServer(Handler<HttpServerRequest> handler) {
            server = vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1").toCompletionStage()
                    .toCompletableFuture().join();
        }

        int port() {
            return server.actualPort();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        @Override
        public void close() {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** What a {@link CannedServer} writes for its n-th request; false closes the connection afterwards. */
    private interface Answer {
        boolean write(int n, OutputStream out) throws IOException;
    }

    /** A bare socket server that answers with bytes the test writes itself: chunk sizes, trailers, closes. */
    private static final class CannedServer implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        private final ServerSocket socket;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        CannedServer(Answer answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        connections.incrementAndGet();
                        try {
                            threads.execute(() -> serve(connection, answer));
                        } catch (RejectedExecutionException e) {
                            connection.close(); // a generator's last reconnect, after the test closed the server
                        }
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/credentials");
        }

        private void serve(Socket connection, Answer answer) {
            try (connection) {
                connection.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                while (readRequestHead(in)) {
                    boolean keepOpen = answer.write(requests.getAndIncrement(), out);
                    out.flush();
                    if (!keepOpen) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the generator closed its end first; nothing to answer
            }
        }

        /** Reads up to the blank line after the headers (a GET has no body); false at the end of the stream. */
        private static boolean readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }
}
