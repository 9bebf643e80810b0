package io.stsvend.issuance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.stsvend.grant.Access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side grant rules ({@code stsvend.grants.rules}). Each rule: {@code name}; {@code bucket};
 * {@code prefix} template (empty = whole bucket; otherwise ends with {@code /}; variables {@code ${sub}} and
 * {@code ${claim.PATH}}); {@code access}, a set of {@code read, write, delete, list}; optional {@code objects}, a
 * wildcard object-name pattern after the prefix such as {@code *.jpg}; optional {@code when} with {@code claim} (a
 * {@link io.stsvend.grant.ClaimPath}), {@code contains} and {@code space-separated} (see
 * {@link io.stsvend.grant.ClaimCondition} for what holds). Rules are parsed and checked at startup; every problem is
 * reported at once.
 */
@ConfigMapping(prefix = "stsvend.grants")
public interface GrantsConfig {

    List<Rule> rules();

    interface Rule {
        String name();

        String bucket();

        Optional<String> prefix();

        Set<Access> access();

        Optional<String> objects();

        Optional<When> when();
    }

    interface When {
        String claim();

        String contains();

        /** Read a string claim as space-separated words, as OAuth's {@code scope} is. */
        @WithDefault("false")
        boolean spaceSeparated();
    }
}
