package io.stsvend.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, that a test can stop and start again on
 * the same port. {@link #start()} waits until the port accepts connections. The binary is the one the build unpacks
 * from a Maven artifact ({@code -Dstsvend.redis-server}, set by the pom); outside Maven, {@code redis-server} on the
 * PATH. A missing or unrunnable binary fails the test with what to install, never skips it.
 */
public final class RedisServer {

    private final int port;
    private Process process;

    public RedisServer() {
        port = FreePort.next();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void start() {
        try {
            Path dir = Files.createTempDirectory("stsvend-redis");
            process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run '" + binary() + "': the shared-cache tests need a redis-server."
                    + " `./mvnw verify` unpacks one (Linux x86-64) into target/tools; elsewhere install Redis"
                    + " (Debian: apt-get install redis-server) and pass -Dstsvend.redis-server=/path/to/redis-server", e);
        }
        await().atMost(10, TimeUnit.SECONDS).until(this::accepting);
    }

    /** The redis-server to run: the build's own, or the PATH's when the tests run outside Maven. */
    public static String binary() {
        String configured = System.getProperty("stsvend.redis-server", System.getenv("REDIS_SERVER"));
        return configured == null || configured.isBlank() ? "redis-server" : configured;
    }

    /** Kills the server at once (SIGKILL), as a crashed Redis would vanish. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean accepting() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
