package io.stsvend.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application as its own operating-system process, as one pod of a deployment runs it: the artifact
 * Quarkus built ({@code quarkus-artifact.properties}: the JVM jar, or the native binary with {@code -Dnative}) of
 * the prod build (no local mode), on a free loopback port, configured only by system properties and environment
 * variables. Its output goes to {@code <build dir>/processes/<name>.log}. {@link #close()} stops it as Kubernetes would (SIGTERM).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * The build directory of the packaged application: failsafe names the native binary's path in it (see pom.xml),
     * whichever artifact was built.
     */
    public static Path packagedBuildDir() {
        return Path.of(System.getProperty("native.image.path", "target/stsvend-runner")).getParent();
    }

    /**
     * Launches the application built in {@code buildDir} without waiting for it (start several, then
     * {@link #awaitReady} each, so they boot in parallel).
     *
     * @param jvmOptions extra JVM options (ignored for a native binary)
     */
    public static ServiceProcess launch(Path buildDir, String name, Map<String, String> properties,
                                        Map<String, String> environment, List<String> jvmOptions) {
        int port = FreePort.next();
        List<String> flags = new ArrayList<>(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> flags.add("-D" + key + "=" + value));
        List<String> command = command(buildDir, flags, jvmOptions);
        try {
            Path log = Files.createDirectories(buildDir.resolve("processes")).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + command.get(0), e);
        }
    }

    /** Waits until readiness answers 200; fails at once if the process exits first. */
    public ServiceProcess awaitReady(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return status(HttpRequest.newBuilder(uri("/q/health/ready")), Duration.ofSeconds(2)) == 200;
        });
        return this;
    }

    /**
     * Waits until the process exits by itself, e.g. a start refused by the startup check.
     *
     * @return its exit code
     */
    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after " + atMost + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The operating-system process id (for measurements from outside, e.g. its RSS). */
    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The process's output so far (its log). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " on :" + port;
    }

    /**
     * The status of {@code GET path}, or -1 when nothing answers within 30 s (a fresh process's first request loads
     * a good part of the application).
     */
    public int status(String path) {
        return status(HttpRequest.newBuilder(uri(path)), ANSWER);
    }

    /** As {@link #status(String)}, with a bearer token. */
    public int status(String path, String bearerToken) {
        return status(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearerToken), ANSWER);
    }

    private static int status(HttpRequest.Builder request, Duration timeout) {
        try {
            return HTTP.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * {@code java [options] [-Dflags] -jar quarkus-app/quarkus-run.jar}, or {@code <native binary> [-Dflags]}. The jar
     * is always the production one: the local flavour ({@code -Dquarkus.profile=local}, in {@code local-app/}) also
     * rewrites {@code quarkus-artifact.properties} when it is built, and is never what these processes stand for.
     */
    private static List<String> command(Path buildDir, List<String> flags, List<String> jvmOptions) {
        Properties artifact = artifact(buildDir);
        List<String> command = new ArrayList<>();
        if ("native".equals(artifact.getProperty("type"))) {
            command.add(buildDir.resolve(artifact.getProperty("path")).toString());
            command.addAll(flags);
            return command;
        }
        Path path = buildDir.resolve("quarkus-app").resolve("quarkus-run.jar");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(flags);
        command.add("-jar");
        command.add(path.toString());
        return command;
    }

    private static Properties artifact(Path buildDir) {
        Path file = buildDir.resolve("quarkus-artifact.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no packaged application in " + buildDir + " (run ./mvnw package)", e);
        }
        if (properties.getProperty("path") == null) {
            throw new IllegalStateException(file + " names no runnable artifact (a sources-only native build?)");
        }
        return properties;
    }
}
