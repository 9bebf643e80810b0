package io.stsvend.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.CloudBoxSettings;
import io.stsvend.testing.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged application (prod build: no local mode, no test keys) as a real deployment runs against Alibaba
 * Cloud, with a {@link CloudBox} in the test JVM as the cloud: the box starts on free loopback ports with the test
 * profile's buckets, and the returned properties are what an operator would set ({@link CloudBoxSettings}) plus JWT
 * verification with the test-only public key and issuer of {@link TestTokens} (the service signs nothing: the tests
 * mint their tokens themselves). For {@code @QuarkusIntegrationTest} they reach the launched application as system
 * properties. {@link #stop()} closes the box.
 */
public class PackagedAgainstCloudBox implements QuarkusTestResourceLifecycleManager {

    private CloudBox box;

    @Override
    public Map<String, String> start() {
        box = CloudBox.builder().buckets(List.of("app-bucket", "other-bucket")).start();
        Map<String, String> properties = new HashMap<>(CloudBoxSettings.withKey(box));
        properties.putAll(TestTokens.packagedVerification());
        return properties;
    }

    @Override
    public void stop() {
        if (box != null) {
            box.close();
        }
    }
}
