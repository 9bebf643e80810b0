package io.stsvend.grant;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A caller's request for less than they are entitled to: a subset of access levels and/or a sub-prefix of one of
 * their grants. {@link #apply} only ever narrows: every narrowed grant is contained in one of the caller's grants,
 * and a request that cannot be satisfied inside them is refused ({@link ErrorCode#FORBIDDEN}) rather than trimmed.
 *
 * <p>Syntax errors ({@link #parse}) are {@link ErrorCode#BAD_REQUEST}. A prefix follows the grant rules' own
 * character rules: {@code [A-Za-z0-9._@/-]}, ends with {@code /}, no leading {@code /}, no empty, {@code .} or
 * {@code ..} segments, at most {@value #MAX_PREFIX_LENGTH} characters.
 */
public final class GrantNarrowing {

    /** Longer prefixes are refused outright; STS's policy limit would refuse them soon anyway. */
    public static final int MAX_PREFIX_LENGTH = 512;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._@-]+(/[A-Za-z0-9._@-]+)*/");
    private static final GrantNarrowing NONE = new GrantNarrowing(Optional.empty(), Optional.empty());

    private final Optional<Set<Access>> access;
    private final Optional<String> prefix;

    private GrantNarrowing(Optional<Set<Access>> access, Optional<String> prefix) {
        this.access = access;
        this.prefix = prefix;
    }

    /** No narrowing: {@link #apply} returns the grants unchanged. */
    public static GrantNarrowing none() {
        return NONE;
    }

    /**
     * Parses the {@code access} (comma list of labels) and {@code prefix} parameters; either may be null (absent).
     *
     * @throws CodedException {@link ErrorCode#BAD_REQUEST} for an empty or unknown access level or a malformed prefix
     */
    public static GrantNarrowing parse(String accessList, String prefix) {
        if (accessList == null && prefix == null) {
            return NONE;
        }
        return new GrantNarrowing(Optional.ofNullable(accessList).map(GrantNarrowing::parseAccess),
                Optional.ofNullable(prefix).map(GrantNarrowing::checkPrefix));
    }

    /** True when this narrows nothing. */
    public boolean isNone() {
        return access.isEmpty() && prefix.isEmpty();
    }

    /**
     * The intersection of {@code grants} with this request.
     *
     * @throws CodedException {@link ErrorCode#FORBIDDEN} when the prefix lies under no grant or a requested access
     *                        level is not granted on it
     */
    public List<Grant> apply(List<Grant> grants) {
        if (isNone()) {
            return grants;
        }
        List<Grant> narrowed = new ArrayList<>();
        Set<Access> covered = EnumSet.noneOf(Access.class);
        for (Grant grant : grants) {
            narrow(grant).ifPresent(g -> {
                narrowed.add(g);
                covered.addAll(g.access());
            });
        }
        if (narrowed.isEmpty() || !covered.containsAll(access.orElse(covered))) {
            throw new CodedException(ErrorCode.FORBIDDEN,
                    "The requested access or prefix is not within your grants; you can only ask for less.");
        }
        narrowed.sort(null);
        return List.copyOf(narrowed);
    }

    private Optional<Grant> narrow(Grant grant) {
        EnumSet<Access> levels = EnumSet.copyOf(grant.access());
        access.ifPresent(levels::retainAll);
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        if (prefix.isEmpty() || prefix.get().equals(grant.prefix())) {
            return Optional.of(new Grant(grant.bucket(), grant.prefix(), levels, grant.objectPattern()));
        }
        if (!prefix.get().startsWith(grant.prefix()) || !patternSurvivesDeeperPrefix(grant.objectPattern())) {
            return Optional.empty();
        }
        return Optional.of(new Grant(grant.bucket(), prefix.get(), levels, grant.objectPattern()));
    }

    /**
     * An object pattern is matched after the prefix; moving the prefix deeper keeps the result inside the grant only
     * if the pattern starts with {@code *} (which matches any path, '/' included). Anything else is not narrowed.
     */
    private static boolean patternSurvivesDeeperPrefix(Optional<String> pattern) {
        return pattern.map(p -> p.startsWith("*")).orElse(true);
    }

    private static Set<Access> parseAccess(String list) {
        EnumSet<Access> levels = EnumSet.noneOf(Access.class);
        for (String label : list.split(",", -1)) {
            levels.add(accessOf(label.trim()));
        }
        return levels;
    }

    private static Access accessOf(String label) {
        for (Access a : Access.values()) {
            if (a.label().equals(label.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new CodedException(ErrorCode.BAD_REQUEST, "access must be a comma list of read, write, delete, list.");
    }

    private static String checkPrefix(String prefix) {
        boolean dotSegment = ("/" + prefix).contains("/./") || ("/" + prefix).contains("/../");
        if (prefix.length() > MAX_PREFIX_LENGTH || !PREFIX.matcher(prefix).matches() || dotSegment) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "prefix must be a path of [A-Za-z0-9._@-] segments ending"
                    + " with '/', without empty, '.' or '..' segments, at most " + MAX_PREFIX_LENGTH + " characters.");
        }
        return prefix;
    }

    @Override
    public String toString() {
        return "GrantNarrowing[access=" + access.map(Object::toString).orElse("*") + ", prefix="
                + prefix.orElse("*") + "]";
    }
}
