package io.stsvend.grant;

import io.stsvend.grant.policy.Wildcard;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a caller's grants allow one access level on one object, by the same rule the session policy expresses:
 * the key starts with a grant's prefix and, if the grant has an object pattern, the rest of the key matches it
 * ({@code *} and {@code ?} wildcards, as in RAM resources).
 */
public final class ObjectScope {

    private ObjectScope() {
    }

    /** True if some grant gives {@code access} on {@code bucket/key}. */
    public static boolean allows(List<Grant> grants, String bucket, String key, Access access) {
        for (Grant grant : grants) {
            if (grant.bucket().equals(bucket) && grant.access().contains(access) && key.startsWith(grant.prefix())
                    && Wildcard.matches(grant.objectPattern().orElse("*"), key.substring(grant.prefix().length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if some grant gives {@code access} on every key that starts with {@code keyPrefix}: the prefix lies
     * inside the grant's prefix and the grant has no object pattern narrower than {@code *}.
     */
    public static boolean allowsEveryKeyUnder(List<Grant> grants, String bucket, String keyPrefix, Access access) {
        for (Grant grant : grants) {
            if (grant.bucket().equals(bucket) && grant.access().contains(access)
                    && keyPrefix.startsWith(grant.prefix()) && grant.objectPattern().orElse("*").equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** The buckets in which some grant gives {@code access}, sorted. */
    public static Set<String> buckets(List<Grant> grants, Access access) {
        Set<String> buckets = new TreeSet<>();
        grants.stream().filter(g -> g.access().contains(access)).forEach(g -> buckets.add(g.bucket()));
        return buckets;
    }
}
