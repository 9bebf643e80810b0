package io.stsvend.explain;

import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.policy.PolicyDocument;
import io.stsvend.grant.policy.PolicyGrammarException;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The {@link Explainer} bean, and the startup check of {@link ExplainConfig}. */
public class ExplainProducers {

    @Produces
    @Singleton
    Explainer explainer(GrantMapper mapper, ExplainConfig config) {
        return new Explainer(mapper, config.rolePolicy().map(PolicyDocument::parse));
    }

    static List<String> problems(ExplainConfig config) {
        Optional<String> policy = config.rolePolicy();
        if (policy.isEmpty()) {
            return List.of();
        }
        try {
            PolicyDocument.parse(policy.get());
            return List.of();
        } catch (PolicyGrammarException e) {
            // The grammar's messages quote at most an excerpt of a member name, never the whole document.
            return List.of("stsvend.explain.role-policy: not a RAM policy: " + e.getMessage());
        }
    }
}
