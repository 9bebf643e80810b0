package io.stsvend.configcheck;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ConfigurationRule} that is a pure function of one configuration group: the subclass names the group and
 * hands its static check (kept static so tests call it with a hand-built group), this class applies it to the
 * injected group. Holds to the rule contract as long as the function reads only the group. Subclasses are
 * {@code @Singleton} beans: a normal scope would need a client proxy, and so a no-argument constructor here.
 *
 * @param <C> the group's {@code @ConfigMapping} interface
 */
public abstract class GroupRule<C> implements ConfigurationRule {

    private final C group;
    private final Function<C, List<String>> check;

    protected GroupRule(C group, Function<C, List<String>> check) {
        this.group = Objects.requireNonNull(group, "group");
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public final List<String> problems() {
        return check.apply(group);
    }
}
