package io.stsvend.grant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege STS session policy for a set of grants: an immutable value rendered once, canonically (same
 * grants → byte-identical JSON, whatever their order), never empty, and never longer than STS accepts.
 *
 * <p>Layout: one Allow statement per distinct set of object actions, listing its object resources; one Allow
 * statement per bucket for {@code oss:ListObjects} on the bucket ARN, with a {@code StringLike} condition on
 * {@code oss:Prefix} listing the grants' prefixes. Actions, resources and prefixes are sorted.
 */
public final class SessionPolicy {

    /** STS's limit on the {@code Policy} parameter, in characters (spec §1.2). */
    public static final int MAX_LENGTH = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String json;
    private final String fingerprint;

    private SessionPolicy(String json) {
        this.json = json;
        this.fingerprint = sha256(json);
    }

    /**
     * Builds the policy for these grants.
     *
     * @throws CodedException {@link ErrorCode#NO_GRANTS} for an empty list (fail closed: AssumeRole without a policy
     *                        would hand out the whole role), {@link ErrorCode#POLICY_TOO_LARGE} above {@link #MAX_LENGTH}
     */
    public static SessionPolicy of(List<Grant> grants) {
        if (grants.isEmpty()) {
            throw new CodedException(ErrorCode.NO_GRANTS, null);
        }
        String json = render(grants);
        if (json.length() > MAX_LENGTH) {
            throw new CodedException(ErrorCode.POLICY_TOO_LARGE,
                    "The session policy would be " + json.length() + " characters; STS accepts " + MAX_LENGTH + ".");
        }
        return new SessionPolicy(json);
    }

    /** The length the policy for these grants renders to, without the size check. */
    public static int renderedLength(List<Grant> grants) {
        return render(grants).length();
    }

    /** The canonical JSON sent as AssumeRole's {@code Policy}. */
    public String json() {
        return json;
    }

    /** Base64url SHA-256 of {@link #json()}: equal policies, equal fingerprints. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String render(List<Grant> grants) {
        Map<String, Set<String>> resourcesByActions = new TreeMap<>();
        Map<String, Set<String>> listPrefixesByBucket = new TreeMap<>();
        for (Grant grant : grants) {
            Set<String> actions = new TreeSet<>();
            for (Access access : grant.access()) {
                if (access.onObjects()) {
                    actions.addAll(access.actions());
                } else {
                    listPrefixesByBucket.computeIfAbsent(grant.bucketResource(), b -> new TreeSet<>())
                            .add(grant.listPrefixPattern());
                }
            }
            if (!actions.isEmpty()) {
                resourcesByActions.computeIfAbsent(String.join(",", actions), a -> new TreeSet<>())
                        .add(grant.objectResource());
            }
        }
        ObjectNode policy = JSON.createObjectNode().put("Version", "1");
        ArrayNode statements = policy.putArray("Statement");
        resourcesByActions.forEach((actions, resources) -> {
            ObjectNode statement = statements.addObject().put("Effect", "Allow");
            addAll(statement.putArray("Action"), List.of(actions.split(",")));
            addAll(statement.putArray("Resource"), resources);
        });
        listPrefixesByBucket.forEach((bucket, prefixes) -> {
            ObjectNode statement = statements.addObject().put("Effect", "Allow");
            statement.putArray("Action").add("oss:ListObjects");
            statement.putArray("Resource").add(bucket);
            addAll(statement.putObject("Condition").putObject("StringLike").putArray("oss:Prefix"), prefixes);
        });
        return policy.toString();
    }

    private static void addAll(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionPolicy other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}
