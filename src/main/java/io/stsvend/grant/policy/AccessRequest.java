package io.stsvend.grant.policy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One authorization question: may {@code action} be performed on {@code resource} in this request context?
 *
 * <ul>
 * <li>{@code action}: a concrete RAM action {@code <ram-code>:<name>}, e.g. {@code oss:GetObject}; no wildcards,
 * no whitespace.</li>
 * <li>{@code resource}: a concrete ARN {@code acs:<service>:<region>:<account>:<relative-id>}, e.g.
 * {@code acs:oss:*:1234567890123456:app-bucket/users/alice/a.txt}. The object key goes in raw and unencoded; it is
 * compared as a string, exactly as RAM does: {@code users/alice/../bob/x} is <em>inside</em>
 * {@code users/alice/*} because OSS keys are opaque strings and OSS does not normalise {@code ..}.</li>
 * <li>{@code context}: condition keys to their values (one or more each), e.g. {@code oss:Prefix},
 * {@code oss:Delimiter}, {@code acs:SourceIp}, {@code acs:SecureTransport} ({@code "true"/"false"}),
 * {@code acs:CurrentTime} (ISO 8601 instant), {@code acs:AccessId}, {@code acs:UserAgent}. Key names are
 * case-insensitive: the stored map is a case-insensitive, immutable copy, so {@code context().get("OSS:PREFIX")}
 * works; two keys differing only in case are rejected. A key with no value must be left out, not mapped to an
 * empty list.</li>
 * </ul>
 *
 * <p>Building the context is the caller's job: for ListObjects/ListObjectsV2 the OSS emulator must put
 * {@code oss:Prefix = ""} when the request had no {@code prefix} parameter (spec §3.6: that is what makes the
 * documented bucket-root listing policy {@code "oss:Prefix": [""]} work), and {@code oss:Delimiter} only when one
 * was sent. For bucket policies with a {@code Principal}, the caller puts the requester's identities (account
 * UID, role/user ARN) under {@link #PRINCIPAL_KEY}.
 *
 * @throws IllegalArgumentException from the constructor when any of the above does not hold
 */
public record AccessRequest(String action, String resource, Map<String, List<String>> context) {

    /** Context key carrying the requester's principal identifiers, matched against a statement's Principal. */
    public static final String PRINCIPAL_KEY = "acs:PrincipalArn";

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
        if (!isConcreteAction(action)) {
            throw new IllegalArgumentException("action must be <ram-code>:<name> without wildcards: " + action);
        }
        if (!ArnPattern.isWellFormedArn(resource)) {
            throw new IllegalArgumentException("resource must be an acs:<service>:<region>:<account>:<id> ARN");
        }
        context = copyContext(context);
    }

    /** A request without context keys. */
    public static AccessRequest of(String action, String resource) {
        return new AccessRequest(action, resource, Map.of());
    }

    /** A copy of this request with {@code key} set to {@code values} (replacing any previous values). */
    public AccessRequest with(String key, String... values) {
        Map<String, List<String>> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        next.putAll(context);
        next.put(key, List.of(values));
        return new AccessRequest(action, resource, next);
    }

    /** The values of a condition key (case-insensitive), or an empty list when the key is absent. */
    public List<String> values(String key) {
        return context.getOrDefault(key, List.of());
    }

    private static boolean isConcreteAction(String action) {
        int colon = action.indexOf(':');
        return colon > 0 && colon < action.length() - 1 && colon == action.lastIndexOf(':')
                && action.chars().noneMatch(c -> c == '*' || c == '?' || Character.isWhitespace(c));
    }

    private static Map<String, List<String>> copyContext(Map<String, List<String>> context) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.forEach((key, values) -> {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("context key must be non-empty");
            }
            if (values == null || values.isEmpty() || values.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("context key " + key + " needs at least one non-null value");
            }
            if (copy.put(key, List.copyOf(values)) != null) {
                throw new IllegalArgumentException("context key " + key + " given twice (keys are case-insensitive)");
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
