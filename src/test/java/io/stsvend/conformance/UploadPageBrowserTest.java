package io.stsvend.conformance;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;
import io.stsvend.testing.TestTokens;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code upload.html} driven by headless Chromium ({@code src/test/js/oss/upload-page.test.mjs}): a file chosen on
 * the page reaches the emulated OSS through the signed form and reads back identical. Needs Debian's
 * {@code chromium} package, so it runs only with {@code -Psystem-tools}.
 */
@QuarkusTest
@Tag("system-tools")
class UploadPageBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void aFileUploadedThroughThePageReadsBackIdentical() {
        NodeScript.run("oss/upload-page.test.mjs", Map.of(
                "STSVEND_URL", service.toString().replaceAll("/$", ""),
                "ALICE_JWT", TestTokens.forSubject("alice")), Duration.ofMinutes(4));
    }
}
