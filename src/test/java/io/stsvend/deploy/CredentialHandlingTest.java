package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Credentials never sit in configuration: ConfigMaps carry no key material, the RAM user's key is only
 * referenced from a Secret (base), RRSA pods hold no key at all, and only the local overlay turns on the
 * embedded emulators.
 */
class CredentialHandlingTest {

    static final List<String> ALL = RenderedOverlay.ALL;
    static final String KEY_SECRET = "stsvend-ram-user";
    static final List<String> KEY_VARIABLES = List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    static final Pattern SECRET_LIKE_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN|ACCESS_KEY|PRIVATE_KEY).*");
    static final String INJECTION = "pod-identity.alibabacloud.com/injection";

    @ParameterizedTest
    @FieldSource("ALL")
    void configMapsHoldNoCredentials(String dir) {
        for (ConfigMap configMap : RenderedOverlay.of(dir).all(ConfigMap.class)) {
            assertEquals(List.of(), CredentialScanner.findings(configMap), dir);
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void noSecretLikeVariableHasALiteralValue(String dir) {
        for (Workload workload : RenderedOverlay.of(dir).workloads()) {
            for (var container : workload.containers()) {
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_LIKE_NAME.matcher(env.getName()).matches()) {
                        assertNull(env.getValue(), dir + ": " + workload + " " + env.getName()
                                + " must come from a Secret, not a literal");
                    }
                }
            }
        }
    }

    @Test
    void baseReferencesTheRamUserKeyFromItsSecret() {
        Map<String, EnvVar> env = byName(environment("base"));
        for (String name : KEY_VARIABLES) {
            EnvVar variable = env.get(name);
            assertNotNull(variable, "base must pass " + name);
            assertNotNull(variable.getValueFrom(), name + " must be a reference");
            var ref = variable.getValueFrom().getSecretKeyRef();
            assertNotNull(ref, name + " must come from a Secret");
            assertEquals(KEY_SECRET, ref.getName(), name + " Secret");
            // A missing Secret must stop the pod rather than start it without credentials.
            assertTrue(ref.getOptional() == null || !ref.getOptional(), name + " must not be optional");
        }
    }

    @Test
    void rrsaPodsHoldNoStaticKeyAndAskForInjection() {
        RenderedOverlay rrsa = RenderedOverlay.of("overlays/ack-rrsa");
        for (EnvVar env : environment("overlays/ack-rrsa")) {
            assertTrue(!KEY_VARIABLES.contains(env.getName()), "RRSA must not pass " + env.getName());
            assertTrue(env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null,
                    "RRSA reads no Secret, but " + env.getName() + " does");
        }
        ServiceAccount sa = rrsa.stsvend(ServiceAccount.class);
        String role = sa.getMetadata().getAnnotations().get("pod-identity.alibabacloud.com/role-name");
        assertTrue(role != null && !role.isBlank(), "the ServiceAccount must name its RAM role");
        String podLabel = rrsa.deployment().getSpec().getTemplate().getMetadata().getLabels().get(INJECTION);
        String namespaceLabel = rrsa.all(Namespace.class).stream()
                .map(ns -> ns.getMetadata().getLabels().get(INJECTION))
                .findFirst()
                .orElse(null);
        assertTrue("on".equals(podLabel) || "on".equals(namespaceLabel), "the webhook is not asked to inject");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void onlyTheLocalOverlayEnablesTheEmulators(String dir) {
        RenderedOverlay overlay = RenderedOverlay.of(dir);
        String yaml = overlay.configMap(mountedConfigMapName(overlay)).getData().get("application.yaml");
        boolean enabled = Boolean.parseBoolean(YamlProperties.parse(yaml).get("stsvend.local.enabled"));
        assertEquals(dir.equals("overlays/local"), enabled, dir + ": stsvend.local.enabled");
    }

    private static String mountedConfigMapName(RenderedOverlay overlay) {
        var mount = PodSecurityTest.mountAt(overlay.container(), ApplicationContractTest.CONFIG_DIR).orElseThrow();
        return PodSecurityTest.volume(overlay.podSpec(), mount.getName()).getConfigMap().getName();
    }

    private static List<EnvVar> environment(String dir) {
        List<EnvVar> env = RenderedOverlay.of(dir).container().getEnv();
        return env == null ? List.of() : env;
    }

    private static Map<String, EnvVar> byName(List<EnvVar> env) {
        return env.stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));
    }
}
