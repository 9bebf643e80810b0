package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The application's settings are read the way Quarkus reads them, so the manifest checks follow the app. */
class ApplicationEndpointsTest {

    @Test
    void withoutApplicationYamlTheAgreedValuesApply() {
        ApplicationEndpoints app = ApplicationEndpoints.from(Map.of(), false);
        assertEquals(new ApplicationEndpoints(8080, "/q/health/live", "/q/health/ready", "/q/health/started",
                "/q/metrics", Duration.ofSeconds(20), Duration.ZERO), app);
    }

    @Test
    void readsPortAndShutdownFromTheApplication() {
        ApplicationEndpoints app = ApplicationEndpoints.from(Map.of(
                "quarkus.http.port", "${PORT:9090}",
                "quarkus.shutdown.timeout", "PT15S",
                "quarkus.shutdown.delay", "5s"), true);
        assertEquals(9090, app.httpPort());
        assertEquals(Duration.ofSeconds(15), app.shutdownTimeout());
        assertEquals(Duration.ofSeconds(5), app.shutdownDelay());
    }

    @Test
    void anApplicationWithoutShutdownTimeoutHasNone() {
        assertEquals(Duration.ZERO, ApplicationEndpoints.from(Map.of(), true).shutdownTimeout());
    }

    @ParameterizedTest
    @CsvSource({
        "management, health, /management/health/live",
        "/q/, /health, /health/live",
        "q, status, /q/status/live",
    })
    void resolvesHealthPathsLikeQuarkus(String nonApplicationRoot, String healthRoot, String livePath) {
        ApplicationEndpoints app = ApplicationEndpoints.from(Map.of(
                "quarkus.http.non-application-root-path", nonApplicationRoot,
                "quarkus.smallrye-health.root-path", healthRoot), true);
        assertEquals(livePath, app.livePath());
    }

    @Test
    void flattensNestedAndDottedYamlKeysAlike() {
        var properties = YamlProperties.parse("""
                quarkus:
                  http:
                    port: 8081
                  "shutdown.timeout": 30s
                """);
        assertEquals("8081", properties.get("quarkus.http.port"));
        assertEquals("30s", properties.get("quarkus.shutdown.timeout"));
    }
}
