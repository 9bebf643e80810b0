package io.stsvend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A TCP port free on this machine a moment ago, for processes the tests start that must be told their port up
 * front (Keycloak, redis-server, the packaged service). Parallel builds on one machine never collide on a fixed port.
 */
public final class FreePort {

    private FreePort() {
    }

    /** A port the operating system just handed out and released again. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
