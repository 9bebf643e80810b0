package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The redis overlay adds the shared credential cache: a Redis that only stsvend's pods can reach, on 6379
 * only; stsvend may reach Redis's pods on 6379 and nothing else more than the base allows; the Redis
 * password and the cache's encryption keys come only from the Secret {@value #SECRET}; and Redis keeps
 * nothing on disk. Only this overlay turns the shared cache on.
 */
class RedisOverlayTest {

    static final List<String> ALL = RenderedOverlay.ALL;
    static final String DIR = "overlays/redis";
    static final String REDIS = "stsvend-redis";
    static final String SECRET = "stsvend-shared-cache";
    static final int PORT = 6379;
    static final Map<String, String> STSVEND_PODS = Map.of("app.kubernetes.io/name", "stsvend");
    static final Map<String, String> REDIS_PODS = Map.of("app.kubernetes.io/name", REDIS);

    @Test
    void redisAdmitsOnlyStsvendPodsOn6379AndSendsNothing() {
        NetworkPolicy policy = RenderedOverlay.of(DIR).named(NetworkPolicy.class, REDIS);
        assertEquals(REDIS_PODS, policy.getSpec().getPodSelector().getMatchLabels(), "the policy must select Redis");
        assertTrue(policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), "policyTypes");
        assertFalse(policy.getSpec().getIngress().isEmpty(), "stsvend must be admitted");
        for (var rule : policy.getSpec().getIngress()) {
            assertOnlyPods(STSVEND_PODS, rule.getFrom(), "Redis ingress");
            assertOnly6379(rule.getPorts(), "Redis ingress");
        }
        assertTrue(policy.getSpec().getEgress().isEmpty(), "Redis needs no egress");
    }

    @Test
    void stsvendReaches6379OnlyOnRedisPods() {
        List<NetworkPolicyEgressRule> egress = RenderedOverlay.of(DIR).stsvend(NetworkPolicy.class).getSpec().getEgress();
        // A rule without ports opens every port, 6379 included.
        List<NetworkPolicyEgressRule> opening6379 = egress.stream()
                .filter(r -> r.getPorts().isEmpty() || r.getPorts().stream().anyMatch(p -> isPort(p.getPort(), PORT)))
                .toList();
        assertFalse(opening6379.isEmpty(), "stsvend cannot reach Redis");
        for (NetworkPolicyEgressRule rule : opening6379) {
            assertOnlyPods(REDIS_PODS, rule.getTo(), "stsvend egress to 6379");
            assertOnly6379(rule.getPorts(), "stsvend egress to Redis");
        }
    }

    @Test
    void stsvendKeepsEveryEgressRuleOfTheBase() {
        // The patch restates the list (egress rules have no merge key), so it must not drop DNS or HTTPS.
        var base = RenderedOverlay.of("base").stsvend(NetworkPolicy.class).getSpec().getEgress();
        var redis = RenderedOverlay.of(DIR).stsvend(NetworkPolicy.class).getSpec().getEgress();
        assertTrue(redis.containsAll(base), "the redis overlay lost base egress rules: " + base);
    }

    @Test
    void passwordAndKeysComeOnlyFromTheSecret() {
        RenderedOverlay overlay = RenderedOverlay.of(DIR);
        Container stsvend = overlay.container();
        assertFromSecret(stsvend, "STSVEND_REDIS_PASSWORD", "redis-password");
        assertFromSecret(stsvend, "STSVEND_SHARED_CACHE_KEYS", "shared-cache-keys");
        Container redis = redisContainer(overlay);
        assertFromSecret(redis, "REDIS_PASSWORD", "redis-password");
        assertFromSecret(redis, "REDISCLI_AUTH", "redis-password");
        int flag = redis.getArgs().indexOf("--requirepass");
        assertTrue(flag >= 0, "Redis must require a password");
        assertEquals("$(REDIS_PASSWORD)", redis.getArgs().get(flag + 1), "--requirepass must take the Secret's value");
        for (Container c : List.of(stsvend, redis)) {
            assertTrue(c.getEnvFrom() == null || c.getEnvFrom().isEmpty(), c.getName() + ": no envFrom (a ConfigMap could hide values)");
        }
    }

    @Test
    void stsvendUsesTheRedisService() {
        RenderedOverlay overlay = RenderedOverlay.of(DIR);
        assertEquals("true", literal(overlay.container(), "STSVEND_SHARED_CACHE_ENABLED"));
        assertEquals("redis://" + REDIS + ":" + PORT, literal(overlay.container(), "STSVEND_REDIS_HOSTS"));
        Service service = overlay.named(Service.class, REDIS);
        assertEquals(REDIS_PODS, service.getSpec().getSelector(), "Service " + REDIS + " selector");
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == PORT), "Service port " + PORT);
    }

    @Test
    void redisIsASingleNonPersistentCacheWithProbes() {
        RenderedOverlay overlay = RenderedOverlay.of(DIR);
        Workload workload = overlay.workloads().stream().filter(w -> w.name().equals(REDIS)).findFirst().orElseThrow();
        assertEquals("StatefulSet", workload.kind());
        Container redis = redisContainer(overlay);
        assertTrue(redis.getImage().startsWith("redis:7"), "image " + redis.getImage());
        List<String> args = redis.getArgs();
        assertEquals("", args.get(args.indexOf("--save") + 1), "RDB snapshots must be off");
        assertEquals("no", args.get(args.indexOf("--appendonly") + 1), "AOF must be off");
        assertNotNull(redis.getLivenessProbe(), "liveness probe");
        assertNotNull(redis.getReadinessProbe(), "readiness probe");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void onlyTheRedisOverlayEnablesTheSharedCache(String dir) {
        String enabled = RenderedOverlay.of(dir).container().getEnv().stream()
                .filter(e -> e.getName().equals("STSVEND_SHARED_CACHE_ENABLED"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse("false");
        assertEquals(dir.equals(DIR), Boolean.parseBoolean(enabled), dir + ": STSVEND_SHARED_CACHE_ENABLED");
    }

    private static Container redisContainer(RenderedOverlay overlay) {
        return overlay.workloads().stream().filter(w -> w.name().equals(REDIS)).findFirst()
                .orElseThrow(() -> new AssertionError(DIR + " renders no " + REDIS)).containers().get(0);
    }

    private static void assertFromSecret(Container container, String name, String key) {
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " lacks " + name));
        assertNull(env.getValue(), name + " must not be a literal");
        var ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
        assertNotNull(ref, name + " must come from a Secret");
        assertEquals(SECRET, ref.getName(), name + " Secret");
        assertEquals(key, ref.getKey(), name + " Secret key");
        assertFalse(Boolean.TRUE.equals(ref.getOptional()), name + ": a missing Secret must stop the pod");
    }

    private static String literal(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " lacks " + name));
    }

    private static void assertOnlyPods(Map<String, String> labels, List<NetworkPolicyPeer> peers, String what) {
        assertFalse(peers == null || peers.isEmpty(), what + ": no peers means any address");
        for (NetworkPolicyPeer peer : peers) {
            assertNull(peer.getIpBlock(), what + ": no ipBlock");
            assertNull(peer.getNamespaceSelector(), what + ": other namespaces must not match");
            assertNotNull(peer.getPodSelector(), what + ": peer must select pods");
            assertEquals(labels, peer.getPodSelector().getMatchLabels(), what + ": pod selector");
        }
    }

    private static void assertOnly6379(List<NetworkPolicyPort> ports, String what) {
        assertFalse(ports.isEmpty(), what + ": no ports means every port");
        for (NetworkPolicyPort port : ports) {
            assertTrue(isPort(port.getPort(), PORT), what + ": port " + port.getPort());
            assertEquals("TCP", port.getProtocol(), what + ": protocol");
            assertNull(port.getEndPort(), what + ": no port range");
        }
    }

    private static boolean isPort(IntOrString port, int number) {
        return port != null && Integer.valueOf(number).equals(port.getIntVal());
    }
}
