package io.stsvend.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.testing.CloudBoxSettings;
import io.stsvend.testing.Keycloak;

import java.util.HashMap;
import java.util.Map;

/**
 * For {@link KeycloakIT}: starts the shared {@link Keycloak}, creates realm {@code stsvend} (client
 * {@code mobile-app} whose access tokens name audience {@code stsvend}, client {@code no-audience} whose do not,
 * client {@code short-lived} whose tokens live 10 s,
 * group {@code viewer}, user {@code alice} in it) and realm {@code elsewhere} (the same client and user), and points
 * the packaged application at realm {@code stsvend}'s JWKS, and at a cloud box of its own for STS and OSS.
 */
public class KeycloakRealms implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "stsvend";
    static final String OTHER_REALM = "elsewhere";
    static final String CLIENT = "mobile-app";
    static final String NO_AUDIENCE_CLIENT = "no-audience";
    static final String SHORT_LIVED_CLIENT = "short-lived";
    static final String USER = "alice";
    static final String PASSWORD = "alice-" + Long.toHexString(new java.security.SecureRandom().nextLong());
    private static final String PASSWORD_PROPERTY = "stsvend.test.keycloak.alice";

    /** Alice's password, shared through a system property with the test, which may run in another class loader. */
    static String password() {
        return System.getProperty(PASSWORD_PROPERTY);
    }

    private CloudBox box;

    @Override
    public Map<String, String> start() {
        Keycloak keycloak = Keycloak.shared();
        keycloak.realm(REALM, CLIENT, "stsvend", USER, PASSWORD);
        keycloak.client(REALM, NO_AUDIENCE_CLIENT, null);
        keycloak.client(REALM, SHORT_LIVED_CLIENT, "stsvend", Map.of("access.token.lifespan", "10"));
        keycloak.realm(OTHER_REALM, CLIENT, "stsvend", USER, PASSWORD);
        System.setProperty(PASSWORD_PROPERTY, PASSWORD);
        box = CloudBox.builder().start();
        Map<String, String> config = new HashMap<>(CloudBoxSettings.withKey(box));
        config.put("mp.jwt.verify.publickey.location", keycloak.jwksUrl(REALM));
        config.put("mp.jwt.verify.issuer", keycloak.issuer(REALM));
        config.put("mp.jwt.verify.audiences", "stsvend");
        // Keycloak and the service share this machine's clock: a 1 s skew allowance (0 would mean the default 60 s).
        config.put("mp.jwt.verify.clock.skew", "1");
        // The shortest bounds, so removal and rotation show within a test's patience.
        config.put("stsvend.jwks.refresh-interval", "30s");
        config.put("stsvend.jwks.unknown-kid-min-interval", "2s");
        return config;
    }

    @Override
    public void stop() {
        // Keycloak is shared by the JVM's test classes and stopped when it exits; the box is this class's own.
        if (box != null) {
            box.close();
        }
    }
}
