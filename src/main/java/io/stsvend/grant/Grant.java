package io.stsvend.grant;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A concrete permission for one caller: access levels on the objects of {@code bucket} whose keys start with
 * {@code prefix} (and, when the rule sets one, match the operator's {@code objectPattern} after the prefix).
 */
public record Grant(String bucket, String prefix, Set<Access> access, Optional<String> objectPattern)
        implements Comparable<Grant> {

    public Grant {
        access = Collections.unmodifiableSet(EnumSet.copyOf(access));
    }

    /** The object ARN pattern, e.g. {@code acs:oss:*:*:app-bucket/users/alice/*}. */
    public String objectResource() {
        return "acs:oss:*:*:" + bucket + "/" + prefix + objectPattern.orElse("*");
    }

    /** The bucket ARN that ListObjects is authorized against. */
    public String bucketResource() {
        return "acs:oss:*:*:" + bucket;
    }

    /** The {@code oss:Prefix} pattern a ListObjects request must match to stay inside this grant. */
    public String listPrefixPattern() {
        return prefix + "*";
    }

    Grant withAccess(Set<Access> more) {
        EnumSet<Access> union = EnumSet.copyOf(access);
        union.addAll(more);
        return new Grant(bucket, prefix, union, objectPattern);
    }

    boolean sameScope(Grant other) {
        return bucket.equals(other.bucket) && prefix.equals(other.prefix) && objectPattern.equals(other.objectPattern);
    }

    @Override
    public int compareTo(Grant o) {
        int c = bucket.compareTo(o.bucket);
        if (c == 0) {
            c = prefix.compareTo(o.prefix);
        }
        return c != 0 ? c : objectPattern.orElse("").compareTo(o.objectPattern.orElse(""));
    }
}
