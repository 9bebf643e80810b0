package io.stsvend.e2e;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsvend.testing.TestOidcIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Stands in for Alibaba's key host in tests: serves the PEM of {@link #KEY} at {@code /keys/test.pem} and of
 * {@link #OTHER} at {@code /keys/other.pem} from a JDK HttpServer, and allow-lists {@code /keys/} on it as the
 * service's only configured public key URL prefix (local mode adds the OSS emulator's key URL). Also configures
 * {@code stsvend.callback.url} on a free port the service is then started on, so forms may ask for callbacks.
 */
public class CallbackKeyServer implements QuarkusTestResourceLifecycleManager {

    static final KeyPair KEY = TestOidcIssuer.rsaKeyPair();
    static final KeyPair OTHER = TestOidcIssuer.rsaKeyPair();
    static volatile String base;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        serve("/keys/test.pem", KEY);
        serve("/keys/other.pem", OTHER);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        // Callbacks need the service's URL before it starts, so the service gets a fixed free port here.
        int port = freePort();
        return Map.of("stsvend.callback.public-key-url-prefixes", base + "/keys/",
                "stsvend.callback.allow-http-key-urls", "true",
                "quarkus.http.test-port", String.valueOf(port),
                "stsvend.callback.url", "http://127.0.0.1:" + port + "/oss/callback");
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** Base64 MD5withRSA signature of {@code stringToSign}, as OSS computes it. */
    static String sign(PrivateKey key, String stringToSign) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("MD5withRSA");
        rsa.initSign(key);
        rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(rsa.sign());
    }

    private void serve(String path, KeyPair pair) {
        byte[] pem = ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, pem.length);
            exchange.getResponseBody().write(pem);
            exchange.close();
        });
    }
}
