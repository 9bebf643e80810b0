package io.stsvend.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

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
                "stsvend.local.sts.port", "0",
                "stsvend.local.oss.port", "0",
                "mp.jwt.verify.publickey.location", fileUrl("test-keys/publicKey.pem"),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                "smallrye.jwt.sign.key.location", fileUrl("test-keys/privateKey.pem"));
    }

    @Override
    public void stop() {
        // The application owns the emulators; nothing to stop here.
    }

    private static String fileUrl(String resource) {
        try {
            URL url = PackagedLocalCloud.class.getClassLoader().getResource(resource);
            return Path.of(url.toURI()).toUri().toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + resource + " is not a file", e);
        }
    }
}
