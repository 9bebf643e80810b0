package io.stsvend.cloudbox.sts;

/**
 * Decides whether the {@code Policy} parameter of AssumeRole is a grammatically valid RAM policy (spec §3.1).
 * Called on the event loop with a policy of at most 2048 characters, so it must be fast and must not block.
 */
@FunctionalInterface
public interface PolicyGrammar {

    /** True when {@code policyJson} passes the grammar check; false answers {@code InvalidParameter.PolicyGrammar}. */
    boolean accepts(String policyJson);
}
