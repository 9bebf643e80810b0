package io.stsvend.conformance;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;
import io.stsvend.testing.TestTokens;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @alicloud/credentials} (type {@code credentials_uri}) reading {@code GET /credentials?format=credentials-uri}
 * of a running stsvend: what it reads, when it refreshes, and that it cannot attach the app's JWT on its own
 * (src/test/js/sts/credentials-uri.test.mjs).
 */
@QuarkusTest
class StsCredentialsUriConformanceTest {

    @TestHTTPResource("/")
    URL service;

    @ConfigProperty(name = "stsvend.sts.endpoint")
    String stsEndpoint;

    @ConfigProperty(name = "stsvend.sts.role-arn")
    String roleArn;

    @Test
    void theCredentialsSdkReadsAndRefreshesTheCredentialsUriFormat() {
        String output = NodeScript.run("sts/credentials-uri.test.mjs", Map.of(
                "SERVICE_URL", service.toString().replaceAll("/$", ""),
                "JWT", TestTokens.forSubject("carol"),
                "STS_ENDPOINT", stsEndpoint,
                "ROLE_ARN", roleArn), Duration.ofMinutes(3));
        assertTrue(output.contains("ℹ pass 4\n"), "expected 4 Node tests to pass:\n" + output);
    }
}
