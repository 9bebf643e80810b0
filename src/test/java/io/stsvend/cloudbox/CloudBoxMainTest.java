package io.stsvend.cloudbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone cloud box as another team runs it: a separate JVM started with flags, driven only with what it
 * prints (endpoints, role, demo AccessKey) and the real STS and OSS SDKs, then stopped.
 */
class CloudBoxMainTest {

    @TempDir
    Path dir;

    @Test
    void aStartedProcessPrintsWhatATestNeedsAndServesAssumeRoleAndPutObject() throws Exception {
        Path log = dir.resolve("cloudbox.log");
        Process process = start(log, "--buckets", "team-bucket,other", "--role", "mobile-app");
        try {
            Map<String, String> printed = awaitReady(log);
            AccessKey key = new AccessKey(printed.get("AccessKeyId"), printed.get("AccessKeySecret"));
            AssumeRoleResponse.Credentials credentials = BoxClients.assumeRole(
                    printed.get("STS endpoint").replace(" (http)", ""), key, printed.get("role ARN"));

            assertEquals("acs:ram::1234567890123456:role/mobile-app", printed.get("role ARN"));
            assertEquals("hi", BoxClients.putAndGet(printed.get("OSS endpoint"), credentials, "team-bucket",
                    "it.txt", "hi"));
        } finally {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the box stops when told to");
        }
    }

    @Test
    void anUnknownFlagExitsWithTheUsage() throws Exception {
        Path log = dir.resolve("bad.log");
        Process process = start(log, "--bucket", "typo");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(Files.readString(log).contains("usage: CloudBoxMain"));
    }

    private static Process start(Path log, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), CloudBoxMain.class.getName()));
        command.addAll(List.of(flags));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The {@code name: value} lines printed before the ready line. */
    private static Map<String, String> awaitReady(Path log) throws IOException {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> read(log).contains(CloudBoxMain.READY));
        return read(log).lines().filter(line -> line.contains(": "))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
                        line -> line.substring(line.indexOf(':') + 1).trim(), (a, b) -> b));
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
