package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object that runs pods (a Deployment or StatefulSet) in a rendered kustomization, seen through its pod
 * template, so pod-level invariants can be checked on every workload and not only on stsvend's.
 *
 * <p>{@link #of} fails on any other kind that runs pods (DaemonSet, Job, bare Pod, ...), so a new kind of
 * workload cannot slip past the checks unnoticed.
 */
record Workload(String kind, String name, PodTemplateSpec template) {

    private static final Set<String> UNCHECKED_POD_KINDS =
            Set.of("Pod", "ReplicaSet", "DaemonSet", "Job", "CronJob", "ReplicationController");

    static List<Workload> of(List<HasMetadata> resources) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata resource : resources) {
            String name = resource.getMetadata().getName();
            if (resource instanceof Deployment d) {
                workloads.add(new Workload("Deployment", name, d.getSpec().getTemplate()));
            } else if (resource instanceof StatefulSet s) {
                workloads.add(new Workload("StatefulSet", name, s.getSpec().getTemplate()));
            } else if (UNCHECKED_POD_KINDS.contains(resource.getKind())) {
                fail(resource.getKind() + " " + name + " runs pods but is not covered by Workload");
            }
        }
        return workloads;
    }

    PodSpec spec() {
        return template.getSpec();
    }

    Map<String, String> podLabels() {
        return Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
    }

    /** Init containers too: they run in the same pod with the same reach. */
    List<Container> containers() {
        List<Container> all = new ArrayList<>(spec().getContainers());
        Optional.ofNullable(spec().getInitContainers()).ifPresent(all::addAll);
        return all;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
