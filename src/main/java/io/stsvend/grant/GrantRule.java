package io.stsvend.grant;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One server-side rule: "callers for whom {@code when} holds get {@code access} on {@code bucket/prefix}". Claims
 * only select rules and fill the prefix's variables; they never supply permissions.
 *
 * @param objectPattern optional wildcard written by the operator (never by a claim) that object keys must match after
 *                      the prefix, e.g. {@code *.jpg}; {@code *} and {@code ?} as in RAM policies
 */
public record GrantRule(String name, String bucket, PrefixTemplate prefix, Set<Access> access,
                        Optional<String> objectPattern, Optional<ClaimCondition> when) {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern OBJECT_PATTERN = Pattern.compile("[A-Za-z0-9._@/*?-]{1,256}");

    public GrantRule {
        Objects.requireNonNull(name, "name");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket '" + bucket + "' is not a valid OSS bucket name");
        }
        if (access.isEmpty()) {
            throw new IllegalArgumentException("access must name at least one of read, write, delete, list");
        }
        access = Set.copyOf(EnumSet.copyOf(access));
        objectPattern.ifPresent(GrantRule::checkObjectPattern);
    }

    /** Whether this rule applies to the caller. */
    public boolean appliesTo(Claims claims) {
        return when.map(c -> c.holds(claims)).orElse(true);
    }

    /** The grant this rule gives the caller; claim values pass the allow-list here. */
    public Grant grantFor(Claims claims) {
        return new Grant(bucket, prefix.expand(claims), access, objectPattern);
    }

    /** The grant with every template variable at its longest legal value. */
    public Grant worstCaseGrant() {
        return new Grant(bucket, prefix.expandWorstCase(), access, objectPattern);
    }

    private static void checkObjectPattern(String pattern) {
        if (!OBJECT_PATTERN.matcher(pattern).matches() || pattern.contains("..") || pattern.startsWith("/")) {
            throw new IllegalArgumentException("objects pattern may use letters, digits, '.', '_', '-', '@', '/', '*', '?'"
                    + " (no '..', no leading '/')");
        }
    }
}
