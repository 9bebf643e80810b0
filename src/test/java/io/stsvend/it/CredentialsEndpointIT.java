package io.stsvend.it;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.stsvend.api.CredentialsEndpointTest;

import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** {@link CredentialsEndpointTest} against the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAgainstCloudBox.class)
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class CredentialsEndpointIT extends CredentialsEndpointTest {

    /** The application picked the OSS emulator's port itself; only its shape is known here. */
    @Override
    protected Matcher<String> ossEndpoint() {
        return Matchers.matchesPattern("http://127\\.0\\.0\\.1:\\d+");
    }
}
