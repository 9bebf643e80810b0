package io.stsvend.configcheck;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * The one startup check: before anything else runs, asks every {@link ConfigurationRule} bean and refuses to start
 * on any problem with one {@link InvalidConfigurationException} listing all of them, so one failed start shows
 * everything to fix. {@link #passed()} tells readiness whether it has run and passed.
 */
@ApplicationScoped
public class StartupCheck {

    private volatile boolean passed;

    void onStart(@Observes @Priority(1) StartupEvent event, @All List<ConfigurationRule> rules) {
        check(rules);
        passed = true;
    }

    /** True once the startup check has run and found no problem. */
    public boolean passed() {
        return passed;
    }

    /**
     * Every rule's problems, in the rules' order.
     *
     * @throws InvalidConfigurationException listing all of them, if there is any
     */
    public static void check(List<? extends ConfigurationRule> rules) {
        List<String> problems = new ArrayList<>();
        rules.forEach(rule -> problems.addAll(rule.problems()));
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
