package io.stsvend.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A test stand-in for what a real app puts in front of Alibaba's credential providers, which send a bare GET with no
 * Authorization header: a tiny HTTP proxy on port 0 that forwards GETs to {@code target} adding
 * {@code Authorization: Bearer <jwt>}, and relays status, content type and body.
 */
final class AuthorizingProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AuthorizingProxy(URI target, String jwt) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> forward(exchange, target, jwt));
        server.start();
    }

    /** The proxy's URL for {@code pathAndQuery}, e.g. {@code /credentials?format=aliyun}. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    private void forward(HttpExchange exchange, URI target, String jwt) throws IOException {
        try (exchange) {
            HttpRequest request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .header("Authorization", "Bearer " + jwt).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
