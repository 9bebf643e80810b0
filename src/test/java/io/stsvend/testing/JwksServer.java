package io.stsvend.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint the test controls, on a free loopback port: the keys it publishes, and whether it answers,
 * fails (503) or hangs (accepts the request and never answers until closed). Counts requests.
 */
public final class JwksServer implements AutoCloseable {

    public enum Mode { SERVE, FAIL, HANG }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.SERVE;

    private JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/jwks", this::handle);
        server.createContext("/control", this::control);
        server.setExecutor(executor);
        server.start();
    }

    public static JwksServer start() {
        try {
            return new JwksServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    /** Publishes exactly these keys (public parts only). */
    public void publish(RsaJsonWebKey... keys) {
        published.clear();
        published.addAll(List.of(keys));
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            switch (mode) {
                case HANG -> awaitClose();
                case FAIL -> exchange.sendResponseHeaders(503, -1);
                case SERVE -> {
                    byte[] body = new JsonWebKeySet(List.<JsonWebKey>copyOf(published))
                            .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        }
    }

    /**
     * For tests in another class loader (a Quarkus test and its resource): {@code GET /control?mode=HANG} or
     * {@code GET /control?publish=key-a,key-b} (kids of keys {@link #register registered} before).
     */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (query.startsWith("mode=")) {
                mode(Mode.valueOf(query.substring(5)));
            } else if (query.startsWith("publish=")) {
                List<RsaJsonWebKey> keys = new java.util.ArrayList<>();
                for (String kid : query.substring(8).split(",")) {
                    keys.add(registered.get(kid));
                }
                publish(keys.toArray(RsaJsonWebKey[]::new));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private final java.util.Map<String, RsaJsonWebKey> registered = new java.util.concurrent.ConcurrentHashMap<>();

    /** Makes a key publishable through {@code /control?publish=}. */
    public void register(RsaJsonWebKey key) {
        registered.put(key.getKeyId(), key);
    }

    private void awaitClose() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
