package io.stsvend.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts one {@link RedisServer} for a test class and enables the shared cache against it with a test key.
 * {@link #server()} lets the test kill and restart it.
 */
public final class SharedRedis implements QuarkusTestResourceLifecycleManager {

    /** A test-only AES-256 key (32 bytes of 0x01, base64). */
    public static final String KEY = "test1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    private static volatile RedisServer server;

    public static RedisServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new RedisServer();
        server.start();
        return Map.of("quarkus.redis.hosts", server.uri(), "stsvend.shared-cache.enabled", "true",
                "stsvend.shared-cache.keys", KEY, "quarkus.http.test-port", "0",
                // A loaded CI machine must not turn slow answers into per-replica fallbacks (extra STS calls).
                "stsvend.shared-cache.operation-timeout", "2s",
                // The app's clock runs on real time: after Redis comes back, replicas try it again soon (no sooner
                // than the operation timeout allows).
                "stsvend.shared-cache.retry-interval", "2s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.kill();
        }
    }
}
