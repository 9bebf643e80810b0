package io.stsvend.it;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.stsvend.api.JwtMatrixTest;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** {@link JwtMatrixTest} against the packaged application (the JVM jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(PackagedAgainstCloudBox.class)
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class JwtMatrixIT extends JwtMatrixTest {
}
