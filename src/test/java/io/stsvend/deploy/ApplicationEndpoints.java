package io.stsvend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application exposes that the manifests must agree with: its HTTP port, health and metrics
 * paths, and how long its graceful shutdown may take.
 *
 * <p>Read from {@code src/main/resources/application.yaml} when it exists, falling back to Quarkus's
 * defaults for anything it does not set. Without that file the agreed values are assumed: port 8080,
 * {@code /q/health/*}, {@code /q/metrics}, a 20s shutdown timeout and no shutdown delay. Property
 * expressions are read as their default ({@code ${PORT:8080}} is 8080).
 */
record ApplicationEndpoints(int httpPort, String livePath, String readyPath, String startedPath, String metricsPath,
        Duration shutdownTimeout, Duration shutdownDelay) {

    static final Path APPLICATION_YAML = Path.of("src", "main", "resources", "application.yaml");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");
    private static final Duration AGREED_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    static ApplicationEndpoints load() {
        Map<String, String> config = Map.of();
        if (Files.exists(APPLICATION_YAML)) {
            try {
                config = YamlProperties.parse(Files.readString(APPLICATION_YAML));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return from(config, Files.exists(APPLICATION_YAML));
    }

    static ApplicationEndpoints from(Map<String, String> config, boolean fromApplication) {
        String nonApp = "/" + trimSlashes(value(config, "quarkus.http.non-application-root-path", "q"));
        String health = under(nonApp, value(config, "quarkus.smallrye-health.root-path", "health"));
        // Quarkus's own default is no graceful wait at all; the agreed 20s only stands in for a missing file.
        Duration timeout = fromApplication
                ? duration(value(config, "quarkus.shutdown.timeout", "0s"))
                : AGREED_SHUTDOWN_TIMEOUT;
        return new ApplicationEndpoints(
                Integer.parseInt(value(config, "quarkus.http.port", "8080")),
                under(health, value(config, "quarkus.smallrye-health.liveness-path", "live")),
                under(health, value(config, "quarkus.smallrye-health.readiness-path", "ready")),
                under(health, value(config, "quarkus.smallrye-health.startup-path", "started")),
                under(nonApp, value(config, "quarkus.micrometer.export.prometheus.path", "metrics")),
                timeout,
                duration(value(config, "quarkus.shutdown.delay", "0s")));
    }

    private static String value(Map<String, String> config, String key, String fallback) {
        String raw = config.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        Matcher expression = EXPRESSION.matcher(raw.trim());
        return expression.matches() ? expression.group(1) : raw.trim();
    }

    /** Quarkus resolves a relative path under its parent and keeps an absolute one as it is. */
    private static String under(String parent, String path) {
        return path.startsWith("/") ? path : parent + "/" + trimSlashes(path);
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** Quarkus durations: ISO-8601 ({@code PT20S}), or a number with an optional ms/s/m/h/d unit. */
    static Duration duration(String text) {
        String t = text.trim();
        if (t.toUpperCase().startsWith("P")) {
            return Duration.parse(t);
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unreadable duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
