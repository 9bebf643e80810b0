package io.stsvend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a Node test file of {@code src/test/js} (the pinned clients we did not write: ali-oss, the Alibaba Tea SDKs,
 * playwright-core) with {@code node --test}, passing what it needs (endpoints, tokens) as environment variables,
 * and fails the calling JUnit test with the script's whole output unless every Node test passed.
 *
 * <p>The clients are installed by the build ({@code src/test/js/ensure-installed.mjs}, run before the tests);
 * {@code -Dstsvend.node.dir} points at that folder. A missing {@code node} fails with what to install.
 */
public final class NodeScript {

    private NodeScript() {
    }

    /** The folder holding package.json, node_modules and the test files. */
    public static Path dir() {
        return Path.of(System.getProperty("stsvend.node.dir", "src/test/js")).toAbsolutePath();
    }

    /**
     * Runs {@code node --test <file>} (relative to {@link #dir()}) with {@code env} added to this JVM's environment
     * and waits at most {@code deadline}; returns the output when every test passed.
     */
    public static String run(String file, Map<String, String> env, Duration deadline) {
        Path script = dir().resolve(file);
        if (!Files.isRegularFile(script)) {
            return fail("no Node test file " + script);
        }
        if (!Files.isDirectory(dir().resolve("node_modules"))) {
            return fail("src/test/js/node_modules is missing: run the tests through Maven (`./mvnw verify`), which"
                    + " installs the pinned clients with npm first");
        }
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec",
                "--test-concurrency=1", script.toString()));
        try {
            Path output = Files.createTempFile("stsvend-node", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir().toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().put("NO_COLOR", "1");
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return fail(file + " did not finish within " + deadline + ":\n" + read(output));
                }
                String text = read(output);
                if (process.exitValue() != 0) {
                    return fail(file + " failed (exit " + process.exitValue() + "):\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return fail("Cannot run node (" + e.getMessage() + "): the conformance tests need Node.js 20+ and npm"
                    + " on the PATH (Debian: apt-get install nodejs npm)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + file);
        }
    }

    private static String read(Path output) throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
