package io.stsvend.conformance;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @alicloud/credentials} (type {@code credentials_uri}) reading {@code GET /credentials?format=credentials-uri}
 * of a running stsvend: what it reads, when it refreshes, and that it cannot attach the app's JWT on its own
 * (src/test/js/sts/credentials-uri.test.mjs).
 */
@QuarkusTest
class StsCredentialsUriConformanceTest {

    @Test
    void theCredentialsSdkReadsAndRefreshesTheCredentialsUriFormat() {
        String output = NodeScript.run("sts/credentials-uri.test.mjs",
                StsScriptEnv.forSubject("carol"), Duration.ofMinutes(3));
        assertTrue(output.contains("ℹ pass 4\n"), "expected 4 Node tests to pass:\n" + output);
    }
}
