package io.stsvend.explain;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Settings of the explain endpoints ({@code stsvend.explain.*}).
 */
@ConfigMapping(prefix = "stsvend.explain")
public interface ExplainConfig {

    /**
     * The RAM role's own permission policy (the JSON attached to {@code stsvend.sts.role-arn} in RAM), at most
     * 65,536 characters, checked against the RAM grammar at startup. A token's rights are this policy intersected
     * with its session policy, so explain evaluates both when it is set; unset, explain evaluates the session policy
     * alone and says the role's policy was not checked. In local mode it defaults to the emulated role's policy.
     */
    Optional<String> rolePolicy();
}
