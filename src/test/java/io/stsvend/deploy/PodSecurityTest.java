package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every pod runs with the least it needs, in every overlay and every workload (stsvend and Redis alike):
 * non-root, no privilege escalation, no capabilities, the runtime's default seccomp profile, a read-only
 * root filesystem whose only writable places are emptyDirs (or claims), and no Kubernetes API token.
 * stsvend's one writable place is /tmp. Container settings win over pod settings, as in the kubelet.
 */
class PodSecurityTest {

    static final List<String> ALL = RenderedOverlay.ALL;

    @ParameterizedTest
    @FieldSource("ALL")
    void runsAsNonRootWithTheDefaultSeccompProfile(String dir) {
        for (Workload workload : workloads(dir)) {
            PodSecurityContext pod = Optional.ofNullable(workload.spec().getSecurityContext())
                    .orElseGet(PodSecurityContext::new);
            for (Container c : workload.containers()) {
                String where = where(dir, workload, c);
                SecurityContext container = containerContext(where, c);
                Boolean nonRoot = container.getRunAsNonRoot() != null ? container.getRunAsNonRoot() : pod.getRunAsNonRoot();
                assertEquals(Boolean.TRUE, nonRoot, where + ": runAsNonRoot");
                Long user = container.getRunAsUser() != null ? container.getRunAsUser() : pod.getRunAsUser();
                assertNotNull(user, where + ": give a numeric runAsUser so the kubelet can check it is not root");
                assertNotEquals(0L, user, where + ": runAsUser must not be root");
                var seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile() : pod.getSeccompProfile();
                assertNotNull(seccomp, where + ": no seccomp profile");
                assertEquals("RuntimeDefault", seccomp.getType(), where + ": seccomp profile");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void cannotEscalateOrUseCapabilities(String dir) {
        for (Placed placed : containers(dir)) {
            String where = placed.where();
            SecurityContext container = placed.securityContext();
            assertEquals(Boolean.FALSE, container.getAllowPrivilegeEscalation(), where + ": allowPrivilegeEscalation");
            assertFalse(Boolean.TRUE.equals(container.getPrivileged()), where + ": privileged");
            assertNotNull(container.getCapabilities(), where + ": capabilities not dropped");
            assertEquals(List.of("ALL"), container.getCapabilities().getDrop(), where + ": capabilities.drop");
            var added = container.getCapabilities().getAdd();
            assertTrue(added == null || added.isEmpty(), where + ": capabilities added " + added);
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void writesOnlyToScratchVolumes(String dir) {
        for (Placed placed : containers(dir)) {
            String where = placed.where();
            assertEquals(Boolean.TRUE, placed.securityContext().getReadOnlyRootFilesystem(),
                    where + ": readOnlyRootFilesystem");
            for (VolumeMount mount : placed.container().getVolumeMounts()) {
                Volume volume = volume(placed.workload().spec(), mount.getName());
                boolean scratch = volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null;
                assertTrue(scratch || Boolean.TRUE.equals(mount.getReadOnly()),
                        where + ": " + mount.getMountPath() + " must be read-only or an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void stsvendWritesOnlyToAnEmptyDirAtTmp(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        VolumeMount tmp = mountAt(overlay.container(), "/tmp").orElseThrow(() -> new AssertionError(dir + ": /tmp not mounted"));
        assertNotNull(volume(overlay.podSpec(), tmp.getName()).getEmptyDir(), dir + ": /tmp must be an emptyDir");
        for (VolumeMount mount : overlay.container().getVolumeMounts()) {
            if (mount != tmp) {
                assertEquals(Boolean.TRUE, mount.getReadOnly(), dir + ": " + mount.getMountPath() + " must be read-only");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void mountsNoKubernetesApiToken(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        for (Workload workload : workloads(dir)) {
            String where = dir + ": " + workload;
            assertEquals(Boolean.FALSE, workload.spec().getAutomountServiceAccountToken(), where + ": pod automount");
            String account = workload.spec().getServiceAccountName();
            assertNotNull(account, where + ": runs as the namespace's default ServiceAccount");
            ServiceAccount sa = overlay.all(ServiceAccount.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(account))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": ServiceAccount " + account + " is not rendered"));
            assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken(), where + ": ServiceAccount automount");
        }
    }

    static Optional<VolumeMount> mountAt(Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst();
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(v -> v.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<Workload> workloads(String dir) {
        List<Workload> workloads = RenderedOverlay.of(dir).workloads();
        assertFalse(workloads.isEmpty(), dir + " renders no workload");
        return workloads;
    }

    /** A container of a rendered workload, and where it is, for the assertion messages. */
    private record Placed(Workload workload, Container container, String where) {

        SecurityContext securityContext() {
            return containerContext(where, container);
        }
    }

    /** Every container of every workload {@code dir} renders. */
    private static List<Placed> containers(String dir) {
        List<Placed> all = new ArrayList<>();
        for (Workload workload : workloads(dir)) {
            for (Container container : workload.containers()) {
                all.add(new Placed(workload, container, where(dir, workload, container)));
            }
        }
        return all;
    }

    private static String where(String dir, Workload workload, Container container) {
        return dir + ": " + workload + " container " + container.getName();
    }

    private static SecurityContext containerContext(String where, Container container) {
        SecurityContext context = container.getSecurityContext();
        assertNotNull(context, where + ": container has no securityContext");
        return context;
    }
}
