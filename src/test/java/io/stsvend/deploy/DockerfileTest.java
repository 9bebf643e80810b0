package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images keep the contract the manifests rely on: the application port, /deployments as the working
 * directory (where config/application.yaml is mounted), and a numeric non-root user, so that the
 * kubelet can verify runAsNonRoot before starting the container.
 */
class DockerfileTest {

    private static final Path DOCKER = Path.of("src", "main", "docker");

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native-micro"})
    void exposesTheApplicationPort(String file) throws IOException {
        assertEquals(List.of(String.valueOf(ApplicationContractTest.APP.httpPort())), instructions(file, "EXPOSE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native-micro"})
    void worksFromDeployments(String file) throws IOException {
        List<String> workdirs = instructions(file, "WORKDIR");
        assertEquals("/deployments", workdirs.get(workdirs.size() - 1), file + ": final WORKDIR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native-micro"})
    void runsAsANumericNonRootUser(String file) throws IOException {
        List<String> users = instructions(file, "USER");
        String last = users.get(users.size() - 1).split(":")[0];
        assertTrue(last.matches("\\d+"), file + ": USER must be numeric for runAsNonRoot, was " + last);
        assertTrue(Integer.parseInt(last) > 0, file + ": USER must not be root");
    }

    /**
     * The faster start is the JVM image's default: a training run in the image itself writes the JDK AOT cache (a
     * cache only fits the JVM that made it), and the entry point's options load that same file.
     */
    @org.junit.jupiter.api.Test
    void jvmImageStartsFromTheAotCacheItsTrainingRunWrote() throws IOException {
        String training = String.join("\n", instructions("Dockerfile.jvm", "RUN"));
        Matcher written = Pattern.compile("-XX:AOTCacheOutput=(\\S+)").matcher(training);
        assertTrue(written.find(), "a RUN writes an AOT cache");
        assertTrue(training.contains("-Dquarkus.appcds.generate=true"), "the training run exits after startup");
        Matcher port = Pattern.compile("-Dquarkus.http.port=(\\d+)").matcher(training);
        assertTrue(port.find() && Integer.parseInt(port.group(1)) > 0,
                "the training run listens on a fixed port, where TrainingRequests sends its requests");
        String options = javaOpts();
        assertTrue(options.contains("-XX:AOTCache=" + written.group(1)), "JAVA_OPTS loads " + written.group(1));
        assertTrue(instructions("Dockerfile.jvm", "ENTRYPOINT").get(0).contains("exec java $JAVA_OPTS"),
                "the entry point execs the JVM with JAVA_OPTS");
        String base = instructions("Dockerfile.jvm", "FROM").get(0);
        Matcher version = Pattern.compile(":(\\d+)-").matcher(base);
        assertTrue(version.find() && Integer.parseInt(version.group(1)) >= 25,
                "AOT caches need JDK 25 or later at run time, base image is " + base);
    }

    /**
     * Heap and GC are set, not left to the base image: half the pod's memory limit for the heap leaves the other half
     * for metaspace, code cache, thread stacks and direct buffers (bench: RSS with 100,000 cached users), and with one
     * CPU the serial collector adds no threads. The training run used the same collector.
     */
    @org.junit.jupiter.api.Test
    void jvmImageCapsTheHeapAtHalfTheContainerAndUsesTheSerialCollector() throws IOException {
        String options = javaOpts();
        Matcher ratio = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        assertTrue(ratio.find(), "JAVA_OPTS sets MaxRAMPercentage");
        assertTrue(Integer.parseInt(ratio.group(1)) <= 50, "heap at most half the container, was " + ratio.group(1));
        assertTrue(options.contains("-XX:+UseSerialGC"), "JAVA_OPTS selects the serial collector");
        assertTrue(String.join("\n", instructions("Dockerfile.jvm", "RUN")).contains("-XX:+UseSerialGC"),
                "the training run uses the run-time collector");
        assertTrue(options.contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
    }

    /**
     * Issue 16: the heap starts at its full size. The pod's memory request equals its limit, so that memory is the
     * pod's anyway; from the JVM's default start (1/64 of the limit, 8 MiB of 512Mi) a start ran 22 young collections
     * while the heap grew and reached ready about 70 ms later.
     */
    @org.junit.jupiter.api.Test
    void jvmImageStartsWithItsWholeHeap() throws IOException {
        String options = javaOpts();
        Matcher max = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=(\\d+)").matcher(options);
        assertTrue(max.find() && initial.find(), "JAVA_OPTS sets MaxRAMPercentage and InitialRAMPercentage");
        assertEquals(max.group(1), initial.group(1), "the initial heap is the maximum heap");
    }

    /**
     * Issue 16: metaspace growth past {@code MetaspaceSize} forces a full collection, 40-90 ms on the bench's machine;
     * the default (21 MB) is far below the 57 MB of classes the service loads, so the image raises it above that.
     */
    @org.junit.jupiter.api.Test
    void jvmImageDoesNotStopForFullCollectionsWhileItLoadsItsClasses() throws IOException {
        Matcher size = Pattern.compile("-XX:MetaspaceSize=(\\d+)m").matcher(javaOpts());
        assertTrue(size.find(), "JAVA_OPTS sets MetaspaceSize");
        assertTrue(Integer.parseInt(size.group(1)) >= 80, "above the ~57 MB in use, was " + size.group(1) + "m");
    }

    /**
     * Issue 15: the production build has no local mode and refuses to start with it, so the training run never asks
     * for it; which build the image holds is an argument whose default is the production build.
     */
    @org.junit.jupiter.api.Test
    void jvmImageTrainsTheProductionBuildWithoutLocalMode() throws IOException {
        String training = String.join("\n", instructions("Dockerfile.jvm", "RUN"));
        assertFalse(training.contains("stsvend.local.enabled"), training);
        assertFalse(training.contains("quarkus.profile"), training);
        assertEquals(List.of("APP=target/quarkus-app"), instructions("Dockerfile.jvm", "ARG"));
        instructions("Dockerfile.jvm", "COPY").forEach(copy -> assertTrue(copy.startsWith("${APP}/"), copy));
    }

    /** The production start requires a token key source and an issuer (JwtVerificationCheck): the training names both. */
    @org.junit.jupiter.api.Test
    void jvmImageTrainingNamesWhatTheStartupCheckRequires() throws IOException {
        String training = String.join("\n", instructions("Dockerfile.jvm", "RUN"));
        for (String required : List.of("-Dstsvend.sts.endpoint=", "-Dmp.jwt.verify.publickey.location=",
                "-Dmp.jwt.verify.issuer=", "ALIBABA_CLOUD_ACCESS_KEY_ID=")) {
            assertTrue(training.contains(required), required + " in " + training);
        }
    }

    /** The local overlay's image (local mode on) can only come from the local flavour; its comment says how. */
    @org.junit.jupiter.api.Test
    void localOverlayDocumentsItsImageFromTheLocalFlavour() throws IOException {
        String kustomization = Files.readString(Path.of("deploy", "k8s", "overlays", "local", "kustomization.yaml"));
        assertTrue(kustomization.contains("./mvnw package -DskipTests -Dquarkus.profile=local"), kustomization);
        assertTrue(kustomization.contains("--build-arg APP=target/local-app -t stsvend:local"), kustomization);
    }

    static String javaOpts() throws IOException {
        return instructions("Dockerfile.jvm", "ENV").stream().filter(e -> e.startsWith("JAVA_OPTS="))
                .findFirst().orElseThrow(() -> new AssertionError("Dockerfile.jvm sets no JAVA_OPTS"));
    }

    private static List<String> instructions(String file, String keyword) throws IOException {
        String text = Files.readString(DOCKER.resolve(file)).replaceAll("\\\\\\R\\s*", " ");
        Matcher m = Pattern.compile("(?m)^\\s*" + keyword + "\\s+(.+?)\\s*$").matcher(text);
        List<String> values = m.results().map(r -> r.group(1)).toList();
        assertTrue(!values.isEmpty(), file + " has no " + keyword);
        return values;
    }
}
