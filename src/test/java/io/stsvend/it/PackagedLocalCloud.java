package io.stsvend.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.stsvend.testing.ReplicaSet;
import io.stsvend.testing.TestTokens;

/**
 * Turns the packaged application (prod profile, so neither local mode nor the test keys are on) into the test setup
 * of the HTTP suites: the embedded STS and OSS emulators on free ports, and JWT verification with the test-only key
 * pair and issuer of {@link TestTokens}, read from files since src/test/resources is not in the package. For
 * {@code @QuarkusIntegrationTest} the returned properties reach the launched application as system properties.
 */
public class PackagedLocalCloud implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "stsvend.local.enabled", "true",
                // Concrete free ports, not 0: a system property outranks the local cloud's config source, so the
                // emulators would bind a port of their own while the service still pointed at the one it resolved.
                "stsvend.local.sts.port", freePort(),
                "stsvend.local.oss.port", freePort(),
                "mp.jwt.verify.publickey.location", ReplicaSet.fileUrl("test-keys/publicKey.pem"),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                "smallrye.jwt.sign.key.location", ReplicaSet.fileUrl("test-keys/privateKey.pem"));
    }

    @Override
    public void stop() {
        // The application owns the emulators; nothing to stop here.
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
