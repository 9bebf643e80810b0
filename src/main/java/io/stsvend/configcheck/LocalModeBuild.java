package io.stsvend.configcheck;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Local mode can be switched on only where it was built in. A production build ({@code ./mvnw package}) has no
 * embedded cloud, no {@code /local/token} and no {@code /local/floor}; yet {@code stsvend.local.enabled} (also set
 * by the dev configuration profile) still makes the local cloud's configuration source point STS and OSS
 * at loopback. This rule is in every build and reports that as a problem, so such a start fails with all the others.
 */
@ApplicationScoped
public class LocalModeBuild implements ConfigurationRule {

    private final boolean enabled;
    private final boolean builtIn;

    @Inject
    public LocalModeBuild(@ConfigProperty(name = "stsvend.local.enabled", defaultValue = "false") boolean enabled,
                          Instance<EmbeddedCloud> cloud) {
        this(enabled, cloud.isResolvable());
    }

    LocalModeBuild(boolean enabled, boolean builtIn) {
        this.enabled = enabled;
        this.builtIn = builtIn;
    }

    @Override
    public List<String> problems() {
        if (enabled && !builtIn) {
            return List.of("stsvend.local.enabled is true, but this is a production build without local mode (no"
                    + " embedded STS and OSS, no /local/token, no /local/floor): configure Alibaba Cloud instead, or"
                    + " run the local flavour built with ./mvnw package -Dquarkus.profile=local (target/local-app)");
        }
        return List.of();
    }
}
