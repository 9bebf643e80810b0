package io.stsvend.configcheck;

import java.util.List;

/** Startup failure listing every configuration problem found, one per line. Never contains secret values. */
public final class InvalidConfigurationException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("stsvend cannot start, " + problems.size() + " configuration problem(s):\n - "
                + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
