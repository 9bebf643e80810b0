package io.stsvend.cloudbox.oss;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An application server receiving OSS upload callbacks, verifying them exactly as Alibaba documents (spec §6.3): the
 * public key is fetched from the Base64 {@code x-oss-pub-key-url}, and the Base64 {@code authorization} is checked
 * with {@code MD5withRSA} over {@code urlDecode(path) + ("?" + query) + "\n" + body}. Answers {@link #status} with
 * {@link #answer}. Register it as an extension (it stops after each test) or close it yourself.
 */
final class CallbackReceiver implements AutoCloseable, AfterEachCallback {

    /** One callback as received. */
    record Received(String rawPath, String rawQuery, String contentType, String authorization, String publicKeyUrl,
                    String body, boolean verified) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String answer = "{\"Status\":\"OK\",\"from\":\"app-server\"}";
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("callback receiver did not start", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** An absolute URL on this receiver, e.g. {@code url("/cb/index.php?id=1")}. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    /** What a verifier computes; {@code null} query means the request had none. */
    static boolean verify(PublicKey key, String rawPath, String rawQuery, String body, String authorization) {
        String stringToSign = URLDecoder.decode(rawPath, StandardCharsets.UTF_8)
                + (rawQuery == null ? "" : "?" + rawQuery) + "\n" + body;
        try {
            Signature rsa = Signature.getInstance("MD5withRSA");
            rsa.initVerify(key);
            rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(authorization));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    PublicKey fetchPublicKey(String url) throws Exception {
        String pem = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("authorization");
        String keyUrl = exchange.getRequestHeaders().getFirst("x-oss-pub-key-url");
        String publicKeyUrl = keyUrl == null ? null
                : new String(Base64.getDecoder().decode(keyUrl), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        boolean verified;
        try {
            verified = publicKeyUrl != null && authorization != null
                    && verify(fetchPublicKey(publicKeyUrl), uri.getRawPath(), uri.getRawQuery(), body, authorization);
        } catch (Exception e) {
            verified = false;
        }
        received.add(new Received(uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), authorization, publicKeyUrl, body, verified));
        byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
