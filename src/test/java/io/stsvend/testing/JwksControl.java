package io.stsvend.testing;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * A test's side of {@link JwksResource}: the keys it registered and the control URL of its {@link JwksServer},
 * reached through the system properties the resource set (the test runs in another class loader than the resource).
 */
public final class JwksControl {

    private JwksControl() {
    }

    /** One of the resource's keys ({@code key-a}, {@code key-b}, {@code stranger}), private part included. */
    public static RsaJsonWebKey key(String kid) {
        try {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(System.getProperty(JwksResource.KEY_PREFIX + kid));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells the server what to do, e.g. {@code publish=key-a,key-b} or {@code mode=SERVE}. */
    public static void control(String query) {
        try {
            URI.create(System.getProperty(JwksResource.CONTROL) + "?" + query).toURL().openStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Back to how the resource started: only {@code key-a} published, served normally. */
    public static void restore() {
        control("publish=key-a");
        control("mode=SERVE");
    }
}
