package io.stsvend.cloudbox;

import io.stsvend.grant.policy.PolicyDocument;
import io.stsvend.grant.policy.PolicyGrammarException;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The RAM policy texts a cloud box starts with: the default permission policy of its role and the grammar check its
 * STS applies to session policies (spec §3.1). Pure functions, shared by local mode's explain defaults.
 */
public final class RolePolicies {

    private RolePolicies() {
    }

    /** {@code oss:*} on every given bucket and its objects: the session policy does the narrowing. */
    public static String ossAllOn(List<String> buckets) {
        String resources = buckets.stream()
                .flatMap(b -> Stream.of("\"acs:oss:*:*:" + b + "\"", "\"acs:oss:*:*:" + b + "/*\""))
                .collect(Collectors.joining(","));
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:*\"],\"Resource\":["
                + resources + "]}]}";
    }

    /** The RAM policy grammar of spec §3.1, as {@link PolicyDocument} parses it: what the emulated STS accepts. */
    public static boolean grammarAccepts(String policy) {
        try {
            PolicyDocument.parse(policy);
            return true;
        } catch (PolicyGrammarException e) {
            return false;
        }
    }
}
