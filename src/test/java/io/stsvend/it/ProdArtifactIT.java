package io.stsvend.it;

import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.CloudBoxSettings;
import io.stsvend.testing.ServiceProcess;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: local mode is removed from the production artifact at build time, not only refused at run time. The
 * packaged application ({@code ./mvnw package}) runs as its own process against a cloud box outside it, configured
 * as an operator configures Alibaba Cloud. Started so, it serves and has no {@code /local/*} paths; asked for local
 * mode in any way, it refuses to start and says why. Each refusal changes one thing of the working configuration.
 */
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class ProdArtifactIT {

    private static final Duration START = Duration.ofSeconds(120);
    /** The packaged application ({@code ./mvnw package}). */
    private static final Path APP = Path.of("target", "quarkus-app");
    static final String REFUSAL = "stsvend.local.enabled is true, but this is a production build without local mode";

    static CloudBox box;

    @BeforeAll
    static void startCloudBox() {
        box = CloudBox.builder().start();
    }

    @AfterAll
    static void closeCloudBox() {
        if (box != null) {
            box.close();
        }
    }

    /**
     * Issue 16: the JDK's AOT cache (what the image starts from) holds only classes its own class loaders defined, so
     * the artifact must put its jars on the JVM's class path (aot-jar) rather than behind Quarkus's runner class loader.
     */
    @Test
    void theArtifactPutsEveryJarOnTheJvmClassPathForTheAotCache() throws IOException {
        String classPath;
        try (JarFile runner = new JarFile(APP.resolve("quarkus-run.jar").toFile())) {
            classPath = runner.getManifest().getMainAttributes().getValue("Class-Path");
        }
        assertTrue(classPath != null, "no Class-Path: the runner class loader would define the classes");
        List<String> entries = List.of(classPath.trim().split(" +"));
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("app/stsvend-")), "the application's own jar");
        try (var libraries = Files.list(APP.resolve("lib").resolve("main"))) {
            libraries.forEach(jar -> assertTrue(entries.contains("lib/main/" + jar.getFileName()),
                    () -> jar.getFileName() + " is not on the class path"));
        }
    }

    /**
     * Issue 16: a signed jar on the JVM's class path is verified when its first class loads (BouncyCastle's manifest
     * and signature file, 0.9 MB each, read and hashed on a fresh process's first AssumeRole), so the artifact ships
     * none: {@code quarkus.class-loading.removed-resources} strips BouncyCastle's signature at build time.
     */
    @Test
    void theArtifactShipsNoSignedJar() throws IOException {
        try (var libraries = Files.list(APP.resolve("lib").resolve("main"))) {
            for (Path jar : libraries.toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    List<String> signatures = file.stream().map(ZipEntry::getName)
                            .filter(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
                    assertEquals(List.of(), signatures, () -> jar.getFileName() + " is signed");
                }
            }
        }
    }

    @Test
    void servesWithoutLocalPaths() {
        try (ServiceProcess service = launch("prod-artifact", Map.of()).awaitReady(START)) {
            String token = TestTokens.forSubject("prod-artifact-alice");
            assertEquals(200, service.status("/q/health/live"));
            // The configuration works: the same process vends against the box.
            assertEquals(200, service.status("/credentials", token));
            assertEquals(404, service.status("/local/token?sub=alice"));
            assertEquals(404, service.status("/local/floor", token));
            assertFalse(service.output().contains("LOCAL MODE"), "no embedded cloud started");
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"stsvend.local.enabled, true", "quarkus.profile, dev"})
    void refusesLocalModeAndSaysWhy(String property, String value) {
        try (ServiceProcess service = launch("prod-artifact-" + value, Map.of(property, value))) {
            assertNotEquals(0, service.awaitExit(START), "exit code");
            String output = service.output();
            assertTrue(output.contains(REFUSAL), output);
            assertFalse(output.contains(box.ramUser().accessKeySecret()), "the RAM user's secret in the output");
        }
    }

    private static ServiceProcess launch(String name, Map<String, String> change) {
        Map<String, String> properties = new HashMap<>(CloudBoxSettings.withKey(box));
        properties.putAll(TestTokens.packagedVerification());
        properties.putAll(change);
        return ServiceProcess.launch(ServiceProcess.packagedBuildDir(), name, properties, Map.of(), List.of());
    }
}
