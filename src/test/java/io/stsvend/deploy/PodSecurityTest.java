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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The pod runs with the least it needs, in every overlay: non-root, no privilege escalation, no
 * capabilities, the runtime's default seccomp profile, a read-only root filesystem with /tmp as the one
 * writable place, and no Kubernetes API token. Container settings win over pod settings, as in the kubelet.
 */
class PodSecurityTest {

    static final List<String> ALL = RenderedOverlay.ALL;

    @ParameterizedTest
    @FieldSource("ALL")
    void runsAsNonRootWithTheDefaultSeccompProfile(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        PodSecurityContext pod = Optional.ofNullable(overlay.podSpec().getSecurityContext())
                .orElseGet(PodSecurityContext::new);
        SecurityContext container = containerContext(overlay);

        Boolean nonRoot = container.getRunAsNonRoot() != null ? container.getRunAsNonRoot() : pod.getRunAsNonRoot();
        assertEquals(Boolean.TRUE, nonRoot, dir + ": runAsNonRoot");
        Long user = container.getRunAsUser() != null ? container.getRunAsUser() : pod.getRunAsUser();
        assertNotEquals(0L, user, dir + ": runAsUser must not be root");

        var seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile() : pod.getSeccompProfile();
        assertNotNull(seccomp, dir + ": no seccomp profile");
        assertEquals("RuntimeDefault", seccomp.getType(), dir + ": seccomp profile");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void cannotEscalateOrUseCapabilities(String dir) {
        SecurityContext container = containerContext(RenderedOverlay.of(dir));
        assertEquals(Boolean.FALSE, container.getAllowPrivilegeEscalation(), dir + ": allowPrivilegeEscalation");
        assertFalse(Boolean.TRUE.equals(container.getPrivileged()), dir + ": privileged");
        assertNotNull(container.getCapabilities(), dir + ": capabilities not dropped");
        assertEquals(List.of("ALL"), container.getCapabilities().getDrop(), dir + ": capabilities.drop");
        var added = container.getCapabilities().getAdd();
        assertTrue(added == null || added.isEmpty(), dir + ": capabilities added " + added);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void writesOnlyToAnEmptyDirAtTmp(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        assertEquals(Boolean.TRUE, containerContext(overlay).getReadOnlyRootFilesystem(), dir + ": readOnlyRootFilesystem");

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
        assertEquals(Boolean.FALSE, overlay.podSpec().getAutomountServiceAccountToken(), dir + ": pod automount");
        String account = overlay.podSpec().getServiceAccountName();
        ServiceAccount sa = overlay.all(ServiceAccount.class).stream()
                .filter(s -> s.getMetadata().getName().equals(account))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": ServiceAccount " + account + " is not rendered"));
        assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken(), dir + ": ServiceAccount automount");
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

    private static SecurityContext containerContext(RenderedOverlay overlay) {
        SecurityContext context = overlay.container().getSecurityContext();
        assertNotNull(context, overlay + ": container has no securityContext");
        return context;
    }
}
