package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The affinity overlay puts stsvend behind ingress-nginx with a consistent hash on the Authorization header,
 * so each user's requests land on one replica and that replica's cache serves them: the Ingress routes to
 * stsvend's Service port, hashes on exactly that header (not on a random subset of replicas, not through
 * the Service's cluster IP, which would spread requests again), and serves TLS from a referenced Secret.
 */
class AffinityOverlayTest {

    static final String DIR = "overlays/affinity";
    static final String PREFIX = "nginx.ingress.kubernetes.io/";

    @Test
    void routesEveryPathToTheStsvendServicePort() {
        RenderedOverlay overlay = RenderedOverlay.of(DIR);
        Ingress ingress = overlay.only(Ingress.class);
        assertEquals("nginx", ingress.getSpec().getIngressClassName(), "ingressClassName");
        Service service = overlay.stsvend(Service.class);
        assertFalse(ingress.getSpec().getRules().isEmpty(), "the Ingress has no rules");
        for (IngressRule rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                IngressServiceBackend backend = path.getBackend().getService();
                assertEquals("stsvend", backend.getName(), path.getPath() + ": backend Service");
                boolean servicePort = service.getSpec().getPorts().stream().anyMatch(p -> sameAs(p, backend));
                assertTrue(servicePort, path.getPath() + ": backend port is not a port of Service stsvend");
            }
        }
    }

    @Test
    void hashesEachUserToOneReplicaByTheAuthorizationHeader() {
        Map<String, String> annotations = RenderedOverlay.of(DIR).only(Ingress.class).getMetadata().getAnnotations();
        assertEquals("$http_authorization", annotations.get(PREFIX + "upstream-hash-by"));
        // Subset mode picks a random replica within a group, and service-upstream lets kube-proxy choose:
        // either would undo the pinning.
        assertFalse(Boolean.parseBoolean(annotations.get(PREFIX + "upstream-hash-by-subset")), "upstream-hash-by-subset");
        assertFalse(Boolean.parseBoolean(annotations.get(PREFIX + "service-upstream")), "service-upstream");
    }

    @Test
    void servesTlsForEveryHostFromAReferencedSecret() {
        Ingress ingress = RenderedOverlay.of(DIR).only(Ingress.class);
        assertFalse(ingress.getSpec().getTls().isEmpty(), "bearer tokens must not cross the network in clear");
        for (IngressTLS tls : ingress.getSpec().getTls()) {
            assertTrue(tls.getSecretName() != null && !tls.getSecretName().isBlank(), "tls.secretName");
        }
        for (IngressRule rule : ingress.getSpec().getRules()) {
            boolean covered = ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(rule.getHost()));
            assertTrue(covered, "host " + rule.getHost() + " has no TLS entry");
        }
    }

    private static boolean sameAs(ServicePort port, IngressServiceBackend backend) {
        var wanted = backend.getPort();
        return wanted.getName() != null ? wanted.getName().equals(port.getName()) : port.getPort().equals(wanted.getNumber());
    }
}
