package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Production overlays survive a node loss and a drain: at least two replicas, spread across nodes, an
 * autoscaler that never goes below two, and a disruption budget that keeps one serving. In every overlay, every
 * workload (Redis too) declares CPU and memory requests and limits. The local trial runs exactly one replica.
 */
class AvailabilityTest {

    static final List<String> ALL = RenderedOverlay.ALL;
    static final List<String> PRODUCTION = RenderedOverlay.PRODUCTION;

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void runsAtLeastTwoReplicasAndAutoscalesFromTwo(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        assertTrue(overlay.deployment().getSpec().getReplicas() >= 2, dir + ": replicas");
        HorizontalPodAutoscaler hpa = overlay.stsvend(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind(), dir + ": HPA target kind");
        assertEquals("stsvend", hpa.getSpec().getScaleTargetRef().getName(), dir + ": HPA target");
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, dir + ": HPA minReplicas");
        assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(), dir + ": HPA max < min");
    }

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void spreadsReplicasAcrossNodes(String dir) {
        Deployment deployment = RenderedOverlay.of(dir).deployment();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        TopologySpreadConstraint byNode = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()
                .stream()
                .filter(c -> "kubernetes.io/hostname".equals(c.getTopologyKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no topology spread across nodes"));
        assertEquals("DoNotSchedule", byNode.getWhenUnsatisfiable(), dir + ": node spread must be enforced");
        assertTrue(podLabels.entrySet().containsAll(byNode.getLabelSelector().getMatchLabels().entrySet()),
                dir + ": the node spread does not select stsvend's own pods");
    }

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void disruptionBudgetKeepsOneReplicaServing(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        PodDisruptionBudget pdb = overlay.stsvend(PodDisruptionBudget.class);
        int floor = overlay.stsvend(HorizontalPodAutoscaler.class).getSpec().getMinReplicas();
        var maxUnavailable = pdb.getSpec().getMaxUnavailable();
        var minAvailable = pdb.getSpec().getMinAvailable();
        if (maxUnavailable != null) {
            assertNotNull(maxUnavailable.getIntVal(), dir + ": use a count, percentages round unpredictably");
            assertTrue(maxUnavailable.getIntVal() >= 1 && maxUnavailable.getIntVal() < floor,
                    dir + ": maxUnavailable must allow drains yet keep a replica up");
        } else {
            assertNotNull(minAvailable, dir + ": the PDB sets neither maxUnavailable nor minAvailable");
            assertTrue(minAvailable.getIntVal() >= 1 && minAvailable.getIntVal() < floor, dir + ": minAvailable");
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void declaresRequestsWithinLimits(String dir) {
        for (Workload workload : RenderedOverlay.of(dir).workloads()) {
            for (var container : workload.containers()) {
                String where = dir + ": " + workload + " container " + container.getName();
                ResourceRequirements resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources.getRequests().get(resource);
                    Quantity limit = resources.getLimits().get(resource);
                    assertNotNull(request, where + ": no " + resource + " request");
                    assertNotNull(limit, where + ": no " + resource + " limit");
                    assertTrue(Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) <= 0,
                            where + ": " + resource + " request exceeds its limit");
                }
            }
        }
    }

    @Test
    void localTrialRunsASingleReplica() {
        RenderedOverlay local = RenderedOverlay.of("overlays/local");
        assertEquals(1, local.deployment().getSpec().getReplicas());
        assertEquals(1, local.stsvend(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas());
    }
}
