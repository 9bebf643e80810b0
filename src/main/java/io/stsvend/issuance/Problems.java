package io.stsvend.issuance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems, one readable sentence each naming the property, so all are reported at once. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    void add(String problem) {
        problems.add(problem);
    }

    void addAll(List<String> more) {
        problems.addAll(more);
    }

    /** Requires {@code min <= value <= max}. */
    void within(String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            add(name + ": must be between " + text(min) + " and " + text(max) + ", is " + text(value));
        }
    }

    /** Requires {@code min <= value <= max}. */
    void within(String name, long value, long min, long max) {
        if (value < min || value > max) {
            add(name + ": must be between " + min + " and " + max + ", is " + value);
        }
    }

    List<String> list() {
        return List.copyOf(problems);
    }

    /** Whole seconds when exact (as the settings are usually written), milliseconds otherwise. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
