package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every kustomization renders offline to the complete set of objects, and none is left untested. */
class KustomizeRenderTest {

    static final List<String> ALL = RenderedOverlay.ALL;

    @Test
    void everyOverlayIsCoveredByTheseTests() throws IOException {
        try (Stream<Path> dirs = Files.list(RenderedOverlay.ROOT.resolve("overlays"))) {
            Set<String> present = dirs.filter(Files::isDirectory)
                    .map(d -> "overlays/" + d.getFileName())
                    .collect(Collectors.toSet());
            Set<String> covered = ALL.stream().filter(d -> d.startsWith("overlays/")).collect(Collectors.toSet());
            assertEquals(present, covered, "add new overlays to RenderedOverlay.ALL so they are checked");
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void rendersEachOfStsvendsObjectsOnce(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        for (Class<? extends HasMetadata> kind : List.of(Deployment.class, Service.class, ServiceAccount.class,
                HorizontalPodAutoscaler.class, PodDisruptionBudget.class, NetworkPolicy.class)) {
            long named = overlay.all(kind).stream().filter(o -> o.getMetadata().getName().equals("stsvend")).count();
            assertEquals(1, named, dir + " must render exactly one " + kind.getSimpleName() + " named stsvend");
        }
        // Only stsvend scales: another workload (Redis) has no autoscaler or budget of its own to get wrong.
        assertEquals(1, overlay.all(HorizontalPodAutoscaler.class).size(), dir + ": HorizontalPodAutoscalers");
        assertEquals(1, overlay.all(PodDisruptionBudget.class).size(), dir + ": PodDisruptionBudgets");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void rendersNoSecretObject(String dir) {
        // Key material is created out of band; a Secret in the output would mean it was committed.
        assertTrue(RenderedOverlay.of(dir).all(Secret.class).isEmpty(), dir + " renders a Secret");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void usesTheStsvendImageWithAPinnedTag(String dir) {
        String image = RenderedOverlay.of(dir).container().getImage();
        int colon = image.lastIndexOf(':');
        assertTrue(colon > image.lastIndexOf('/'), dir + ": image " + image + " has no tag (set it with images:)");
        String name = image.substring(0, colon);
        assertTrue(name.equals("stsvend") || name.endsWith("/stsvend"), dir + ": unexpected image " + image);
        assertNotEquals("latest", image.substring(colon + 1), dir + ": 'latest' is not a release");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void everyWorkloadPinsItsImageTag(String dir) {
        for (Workload workload : RenderedOverlay.of(dir).workloads()) {
            for (var container : workload.containers()) {
                String image = container.getImage();
                int colon = image.lastIndexOf(':');
                String where = dir + ": " + workload + " image " + image;
                assertTrue(colon > image.lastIndexOf('/') || image.contains("@sha256:"), where + " has no tag");
                assertNotEquals("latest", image.substring(colon + 1), where + ": 'latest' is not a release");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void everyServiceAndPolicySelectsExactlyOneWorkload(String dir) {
        // Redis's Service must not catch stsvend's pods, nor stsvend's Service Redis's.
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        for (Service service : overlay.all(Service.class)) {
            assertSelectsOne(overlay, "Service " + service.getMetadata().getName(), service.getSpec().getSelector());
        }
        for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
            assertSelectsOne(overlay, "NetworkPolicy " + policy.getMetadata().getName(),
                    policy.getSpec().getPodSelector().getMatchLabels());
        }
    }

    private static void assertSelectsOne(RenderedOverlay overlay, String what, Map<String, String> selector) {
        assertFalse(selector == null || selector.isEmpty(), overlay + ": " + what + " has an empty selector");
        List<String> selected = overlay.workloads().stream()
                .filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet()))
                .map(Workload::toString)
                .toList();
        assertEquals(1, selected.size(), overlay + ": " + what + " selects " + selected);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void serviceAndPoliciesSelectTheDeploymentsPods(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        var podLabels = overlay.deployment().getSpec().getTemplate().getMetadata().getLabels();
        var selectors = List.of(
                overlay.stsvend(Service.class).getSpec().getSelector(),
                overlay.stsvend(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(),
                overlay.stsvend(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels(),
                overlay.deployment().getSpec().getSelector().getMatchLabels());
        for (var selector : selectors) {
            assertFalse(selector.isEmpty(), dir + ": an empty selector would select every pod");
            assertTrue(podLabels.entrySet().containsAll(selector.entrySet()),
                    dir + ": selector " + selector + " does not match pod labels " + podLabels);
        }
    }
}
