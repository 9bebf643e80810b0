package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The manifests agree with what the application exposes ({@link ApplicationEndpoints}): the port, the
 * health and metrics paths, where it reads its configuration, and how long it needs to shut down.
 */
class ApplicationContractTest {

    static final List<String> ALL = RenderedOverlay.ALL;
    static final ApplicationEndpoints APP = ApplicationEndpoints.load();
    static final String CONFIG_DIR = "/deployments/config";

    @ParameterizedTest
    @FieldSource("ALL")
    void probesHitTheHealthEndpointsOnTheApplicationPort(String dir) {
        Container container = RenderedOverlay.of(dir).container();
        assertProbe(dir, "startup", container.getStartupProbe(), APP.startedPath(), container);
        assertProbe(dir, "liveness", container.getLivenessProbe(), APP.livePath(), container);
        assertProbe(dir, "readiness", container.getReadinessProbe(), APP.readyPath(), container);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void serviceAndNetworkPolicyLetTrafficReachTheApplicationPort(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        Container container = overlay.container();
        for (var port : overlay.stsvend(Service.class).getSpec().getPorts()) {
            assertEquals(APP.httpPort(), containerPort(container, port.getTargetPort()), dir + ": Service targetPort");
        }
        NetworkPolicy policy = overlay.stsvend(NetworkPolicy.class);
        assertTrue(policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")),
                dir + ": the NetworkPolicy must restrict both directions");
        boolean admitted = policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream())
                .anyMatch(p -> containerPort(container, p.getPort()) == APP.httpPort());
        assertTrue(admitted, dir + ": the NetworkPolicy does not admit port " + APP.httpPort());
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void prometheusScrapesTheMetricsEndpoint(String dir) {
        Map<String, String> annotations = RenderedOverlay.of(dir).deployment().getSpec().getTemplate()
                .getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"), dir + ": prometheus.io/scrape");
        assertEquals(String.valueOf(APP.httpPort()), annotations.get("prometheus.io/port"), dir + ": prometheus.io/port");
        assertEquals(APP.metricsPath(), annotations.get("prometheus.io/path"), dir + ": prometheus.io/path");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void configurationIsMountedWhereQuarkusReadsIt(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        Container container = overlay.container();
        assertEquals("/deployments", container.getWorkingDir(), dir + ": config/ is resolved against workingDir");
        var mount = PodSecurityTest.mountAt(container, CONFIG_DIR)
                .orElseThrow(() -> new AssertionError(dir + ": nothing mounted at " + CONFIG_DIR));
        Volume volume = PodSecurityTest.volume(overlay.podSpec(), mount.getName());
        assertNotNull(volume.getConfigMap(), dir + ": " + CONFIG_DIR + " must come from a ConfigMap");
        ConfigMap config = overlay.configMap(volume.getConfigMap().getName());
        assertTrue(config.getData().containsKey("application.yaml"), dir + ": the ConfigMap lacks application.yaml");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void graceExceedsTheApplicationsShutdown(String dir) {
        long grace = RenderedOverlay.of(dir).podSpec().getTerminationGracePeriodSeconds();
        long needed = APP.shutdownDelay().plus(APP.shutdownTimeout()).toSeconds();
        // A few seconds on top, so the kubelet's SIGKILL never cuts Quarkus's own timeout short.
        assertTrue(grace >= needed + 5, dir + ": terminationGracePeriodSeconds " + grace
                + " must exceed shutdown delay + timeout (" + needed + "s) by at least 5s");
    }

    private static void assertProbe(String dir, String kind, Probe probe, String path, Container container) {
        assertNotNull(probe, dir + ": no " + kind + " probe");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, dir + ": the " + kind + " probe must be an HTTP GET");
        assertEquals(path, get.getPath(), dir + ": " + kind + " probe path");
        assertEquals(APP.httpPort(), containerPort(container, get.getPort()), dir + ": " + kind + " probe port");
    }

    /** A numeric port as it is; a named port resolved against the container's declared ports. */
    static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("container declares no port named " + port.getStrVal()));
    }
}
