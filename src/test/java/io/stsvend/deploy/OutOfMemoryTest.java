package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A JVM that ran out of memory exits instead of limping on (answering liveness while requests hang), so the kubelet
 * restarts it: the JVM image sets {@code -XX:+ExitOnOutOfMemoryError}, and every overlay sets it for the stsvend
 * container too, through {@code JAVA_TOOL_OPTIONS}, which every JVM reads whatever image runs it.
 */
class OutOfMemoryTest {

    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    static final List<String> ALL = RenderedOverlay.ALL;

    @Test
    void theJvmImageExitsOnOutOfMemory() throws IOException {
        // JAVA_OPTS: the image's own options (JAVA_OPTS_APPEND is left to operators).
        Matcher opts = Pattern.compile("(?m)^\\s*ENV\\s+JAVA_OPTS=\"([^\"]*)\"")
                .matcher(Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm")));
        assertTrue(opts.find(), "Dockerfile.jvm sets no JAVA_OPTS");
        assertTrue(List.of(opts.group(1).split("\\s+")).contains(EXIT_ON_OOM), opts.group(1));
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void everyOverlayMakesTheJvmExitOnOutOfMemory(String dir) {
        List<EnvVar> env = RenderedOverlay.of(dir).container().getEnv();
        String options = env.stream().filter(e -> "JAVA_TOOL_OPTIONS".equals(e.getName())).map(EnvVar::getValue)
                .findFirst().orElse("");
        assertTrue(List.of(options.split("\\s+")).contains(EXIT_ON_OOM), dir + ": JAVA_TOOL_OPTIONS=" + options);
    }
}
