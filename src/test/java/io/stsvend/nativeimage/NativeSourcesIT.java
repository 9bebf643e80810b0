package io.stsvend.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stsvend.sts.NativeImageRegistrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Checks the native image builder's inputs that {@code -Dnative -Dquarkus.native.sources-only=true} writes, where no
 * GraalVM exists to run the builder: {@code native-sources/native-image.args} and the runner jar's
 * {@code META-INF/native-image/{reflect,resource}-config.json}. Everything aliyun-java-sdk reaches reflectively
 * ({@link NativeImageRegistrations}, nested classes included) and the resources its static initialisers read must be
 * registered.
 *
 * <p>Runs only in that build (the property is passed on to the test JVM); there it fails, rather than passes, when
 * the inputs are missing.
 */
@EnabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "needs ./mvnw verify -Dnative -Dquarkus.native.sources-only=true")
class NativeSourcesIT {

    static final String COMMAND = "./mvnw verify -Dnative -Dquarkus.native.sources-only=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> args;
    private static Map<String, JsonNode> reflection;
    private static List<Pattern> resources;

    @BeforeAll
    static void readBuilderInputs() throws IOException {
        Path sources = buildDirectory().resolve("native-sources");
        Path argsFile = sources.resolve("native-image.args");
        if (!Files.isRegularFile(argsFile)) {
            fail("no native image builder inputs in " + sources + "; they are written by: " + COMMAND);
        }
        args = List.of(Files.readString(argsFile).trim().split("\\s+"));
        Path runner = sources.resolve(args.get(args.size() - 1));
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            reflection = new HashMap<>();
            for (JsonNode entry : json(jar, "META-INF/native-image/reflect-config.json")) {
                reflection.put(entry.get("name").asText(), entry);
            }
            resources = new ArrayList<>();
            for (JsonNode include : json(jar, "META-INF/native-image/resource-config.json").at("/resources/includes")) {
                resources.add(Pattern.compile(include.get("pattern").asText()));
            }
        }
    }

    @Test
    void everySdkClassReachedReflectivelyIsRegisteredWithItsConstructors() {
        List<String> missing = sdkClassNames().filter(name -> !constructible(reflection.get(name))).toList();

        assertEquals(List.of(), missing, "registered for reflection with all declared constructors");
    }

    @Test
    void sdkResourcesReadInStaticInitialisersAreIncluded() {
        for (String resource : List.of("endpoints.json", "project.properties")) {
            assertTrue(resources.stream().anyMatch(p -> p.matcher(resource).matches()), resource + " not included");
        }
    }

    @Test
    void urlConnectionsMayUseHttps() {
        // The AssumeRoleWithOIDC exchange uses the SDK's URLConnection client, which needs the https handler.
        assertTrue(args.stream().anyMatch(a -> a.startsWith("--enable-url-protocols=") && a.contains("https")), "" + args);
    }

    @Test
    void failsTheBuildInsteadOfFallingBackToAJvm() {
        assertTrue(args.contains("--no-fallback"));
    }

    /** The classes NativeImageRegistrations names, plus their nested classes (registered by default). */
    static Stream<String> sdkClassNames() {
        return Stream.concat(Stream.of(NativeImageRegistrations.class.getDeclaredClasses()),
                        Stream.of(NativeImageRegistrations.class))
                .map(type -> type.getAnnotation(RegisterForReflection.class))
                .filter(annotation -> annotation != null)
                .flatMap(annotation -> Stream.concat(Stream.of(annotation.targets()).flatMap(NativeSourcesIT::withNested),
                        Stream.of(annotation.classNames())));
    }

    private static Stream<String> withNested(Class<?> type) {
        return Stream.concat(Stream.of(type.getName()),
                Stream.of(type.getDeclaredClasses()).flatMap(NativeSourcesIT::withNested));
    }

    private static boolean constructible(JsonNode entry) {
        return entry != null && entry.path("allDeclaredConstructors").asBoolean();
    }

    private static JsonNode json(ZipFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        if (entry == null) {
            fail(name + " missing from " + jar.getName() + "; regenerate with: " + COMMAND);
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }

    /** Failsafe passes native.image.path = ${project.build.directory}/${finalName}-runner. */
    private static Path buildDirectory() {
        String runner = System.getProperty("native.image.path");
        if (runner == null) {
            fail("native.image.path is not set; run through Maven: " + COMMAND);
        }
        return Path.of(runner).toAbsolutePath().getParent();
    }
}
