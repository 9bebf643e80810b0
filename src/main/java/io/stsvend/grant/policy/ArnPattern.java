package io.stsvend.grant.policy;

/**
 * Matching of a policy {@code Resource} against a request's resource ARN.
 *
 * <p>ARNs have the shape {@code acs:<service>:<region>:<account>:<relative-id>}; the relative id may itself contain
 * colons. A policy resource is either {@code *} (everything) or such an ARN with wildcards. Matching is
 * <em>field by field</em> for the first four fields and then {@link Wildcard} on the whole relative id, where
 * {@code *} crosses {@code /} (and {@code :}). So {@code acs:oss:*:*:b/*} matches the concrete
 * {@code acs:oss:*:1234567890123456:b/users/a.txt} (account {@code *} matches any account id), but a {@code *} in
 * the account field can never swallow {@code ":other-bucket/x"} — whole-string matching would let the object key
 * {@code x:b/y} in bucket {@code other} match {@code acs:oss:*:*:b/*}. This is how AWS matches ARNs too.
 * Matching is case-sensitive (object keys are).
 */
final class ArnPattern {

    private static final int FIELDS = 5;

    private ArnPattern() {
    }

    /** Whether a policy resource string is {@code *} or an {@code acs:} ARN with a service and a relative id. */
    static boolean isWellFormedPattern(String pattern) {
        return "*".equals(pattern) || isWellFormedArn(pattern);
    }

    /** Whether {@code arn} has the five-field {@code acs:} shape with non-empty service and relative id. */
    static boolean isWellFormedArn(String arn) {
        String[] f = arn.split(":", FIELDS);
        return f.length == FIELDS && "acs".equals(f[0]) && !f[1].isEmpty() && !f[4].isEmpty();
    }

    static boolean matches(String pattern, String arn) {
        if ("*".equals(pattern)) {
            return true;
        }
        String[] p = pattern.split(":", FIELDS);
        String[] a = arn.split(":", FIELDS);
        if (p.length != FIELDS || a.length != FIELDS) {
            return false;
        }
        for (int i = 0; i < FIELDS; i++) {
            if (!Wildcard.matches(p[i], a[i])) {
                return false;
            }
        }
        return true;
    }
}
