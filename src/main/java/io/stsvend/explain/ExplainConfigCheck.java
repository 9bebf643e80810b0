package io.stsvend.explain;

import io.stsvend.configcheck.GroupRule;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The explain group's rule: a role policy the RAM grammar rejects is refused at startup, not on first use. */
@Singleton
public class ExplainConfigCheck extends GroupRule<ExplainConfig> {

    @Inject
    public ExplainConfigCheck(ExplainConfig config) {
        super(config, ExplainProducers::problems);
    }
}
