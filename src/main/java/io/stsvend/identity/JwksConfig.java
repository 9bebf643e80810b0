package io.stsvend.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the identity provider's signing keys are kept ({@code stsvend.jwks}), used when
 * {@code mp.jwt.verify.publickey.location} is an http(s) JWKS URL. Bounds are checked at startup
 * ({@link JwksConfigCheck}); the README's configuration table states what each one guarantees.
 */
@ConfigMapping(prefix = "stsvend.jwks")
public interface JwksConfig {

    /** The key set is fetched again after this long: a key removed at the IdP stops verifying within it. */
    @WithDefault("5m")
    Duration refreshInterval();

    /**
     * A token with an unknown {@code kid} fetches the key set at most once per this interval (all unknown kids
     * together), so random kids cannot hammer the IdP while a genuine rotation is picked up within it.
     */
    @WithDefault("5s")
    Duration unknownKidMinInterval();

    /** The whole fetch (connect, headers, body) must finish within this; a caller waits at most this long. */
    @WithDefault("3s")
    Duration fetchTimeout();
}
