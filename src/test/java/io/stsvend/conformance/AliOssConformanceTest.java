package io.stsvend.conformance;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;
import io.stsvend.testing.TestTokens;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * ali-oss, the JS SDK a mobile or web app uses, driven against the embedded OSS with credentials exactly as
 * {@code GET /credentials} vends them: {@code src/test/js/oss/ali-oss.test.mjs} (V1 and V4 signing, objects, paging,
 * multipart, presigned URLs, PostObject, copy, and the denials), plus the README's ali-oss snippet as written.
 */
@QuarkusTest
class AliOssConformanceTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void aliOssWorksWithVendedCredentialsAndIsRefusedOutsideTheGrant() {
        NodeScript.run("oss/ali-oss.test.mjs", Map.of(
                "STSVEND_URL", service.toString().replaceAll("/$", ""),
                "ALICE_JWT", TestTokens.forSubject("alice")), Duration.ofMinutes(4));
    }
}
