package io.stsvend.explain;

import io.stsvend.configcheck.ConfigurationRule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The explain group's rule: a role policy the RAM grammar rejects is refused at startup, not on first use. */
@ApplicationScoped
public class ExplainConfigCheck implements ConfigurationRule {

    private final ExplainConfig config;

    @Inject
    public ExplainConfigCheck(ExplainConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        return ExplainProducers.problems(config);
    }
}
