package io.stsvend.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.util.Map;

/**
 * Starts a {@link JwksServer} publishing {@code key-a} before the application, and points JWT verification at it.
 * The test reaches the keys and the server through system properties ({@link #KEY_PREFIX}, {@link #CONTROL}),
 * because it runs in another class loader than this resource.
 */
public class JwksResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEY_PREFIX = "stsvend.test.jwk.";
    public static final String CONTROL = "stsvend.test.jwks.control";

    private JwksServer server;

    @Override
    public Map<String, String> start() {
        server = JwksServer.start();
        for (String kid : new String[] {"key-a", "key-b", "stranger"}) {
            RsaJsonWebKey key = TestIdp.key(kid);
            server.register(key);
            System.setProperty(KEY_PREFIX + kid, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        }
        server.mode(JwksServer.Mode.SERVE);
        System.setProperty(CONTROL, server.url().resolve("/control").toString());
        try {
            new java.net.URL(server.url().resolve("/control?publish=key-a").toString()).openStream().close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", server.url().toString(),
                "mp.jwt.verify.issuer", TestIdp.ISSUER,
                "stsvend.jwks.fetch-timeout", "10s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
