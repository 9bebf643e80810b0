package io.stsvend.api;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;

/**
 * Hands the request-URI check from Quarkus's HTTP front door to {@link RequestUriCheck}, so that a malformed URI is
 * answered in problem+json like every other 4xx instead of with an empty body.
 *
 * <p>Quarkus offers no configuration key for this, only the system property {@value #PROPERTY}, read once when its
 * HTTP recorder class initialises. Configuration is built before that class loads, in every launch mode (dev, test,
 * the packaged jar and the native image's build-time initialisation alike), so setting the property here reaches it
 * from one place, without relying on each launcher's JVM flags. It contributes no configuration.
 */
public class RequestUriCheckHandover implements ConfigSourceFactory {

    static final String PROPERTY = "vertx.disableURIValidation";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        System.setProperty(PROPERTY, "true");
        return List.of();
    }
}
