package io.stsvend.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;
import io.stsvend.testing.TestTokens;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JavaScript module for ali-oss apps ({@code src/main/js/stsvend-ali-oss}) against the running service and the
 * OSS emulator, driven by the real ali-oss: one shared refresh for concurrent uploads, expiry-driven refresh on the
 * module's injected clock, a 10.5 MB multipart upload across a refresh, and refusals as errors with status and code.
 * The Node files ({@code src/test/js/client}) count GET /credentials themselves, through the fetch they inject.
 */
@QuarkusTest
class AliOssClientModuleE2eTest {

    private static final String SUBJECT = "js-client";
    private static final Duration DEADLINE = Duration.ofMinutes(4);

    @TestHTTPResource("/")
    URL service;

    @Test
    void refreshIsSharedAndDrivenByExpiry() {
        assertPassed(5, NodeScript.run("client/refresh.test.mjs", environment(), DEADLINE));
    }

    @Test
    void refusalsSurfaceWithStatusAndCode() {
        assertPassed(11, NodeScript.run("client/errors.test.mjs", environment(), DEADLINE));
    }

    /** NodeScript fails on any failed test; this also catches a file whose tests were never registered. */
    private static void assertPassed(int tests, String output) {
        assertTrue(output.contains("pass " + tests + "\n") && output.contains("fail 0"),
                "expected " + tests + " passing Node tests:\n" + output);
    }

    private Map<String, String> environment() {
        return Map.of("STSVEND_URL", service.toString(),
                "STSVEND_JWT", TestTokens.forSubject(SUBJECT),
                "STSVEND_SUBJECT", SUBJECT,
                "STSVEND_JWT_INVALID_CLAIM", TestTokens.forSubject("../" + SUBJECT),
                "STSVEND_BUCKET", "app-bucket");
    }
}
