package io.stsvend.testing;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Waits for the application under test to report ready: its warm-up and the STS guard's rehearsal run beside the
 * start, so readiness can still be DOWN for a moment when the first test runs (on a busy machine, longer).
 */
public final class TestReadiness {

    private TestReadiness() {
    }

    /** Until {@code /q/health/ready} answers 200, at most 30 s. */
    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
