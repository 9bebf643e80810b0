package io.stsvend.error;

/**
 * The closed catalogue of errors stsvend answers with: one HTTP status, one stable machine-readable code and one safe
 * human-readable title per entry. Nothing else ever reaches a client: no SDK text, no class names, no secrets.
 *
 * <p>Codes are part of the API contract; never rename one. {@link #logAsError()} marks the entries that indicate a
 * problem on our side or upstream (the only ones logged at ERROR/WARN).
 */
public enum ErrorCode {
    BAD_REQUEST(400, "bad-request", "The request is malformed or has parameters this endpoint does not accept."),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required."),
    INVALID_CLAIM(403, "invalid-claim", "A claim of your token has a value that cannot be used to build grants."),
    NO_GRANTS(403, "no-grants", "No grant rule applies to you."),
    FORBIDDEN(403, "forbidden", "You are not allowed to do this."),
    SUBJECT_BLOCKED(403, "subject-blocked", "Credentials are not issued to you at the moment."),
    NOT_FOUND(404, "not-found", "No such resource."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not supported on this resource."),
    NOT_ACCEPTABLE(406, "not-acceptable", "This resource is only available as application/json."),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large."),
    RATE_LIMITED(429, "rate-limited", "Too many credential requests; retry later."),
    POLICY_TOO_LARGE(500, "policy-too-large", "Your grants do not fit in one STS session policy."),
    STS_MISCONFIGURED(500, "sts-misconfigured", "The credential service is misconfigured."),
    INTERNAL(500, "internal", "An internal error occurred."),
    STS_ERROR(502, "sts-error", "The token service answered with an unexpected error."),
    STS_THROTTLED(503, "sts-throttled", "The token service is throttling requests; retry later."),
    STS_UNAVAILABLE(503, "sts-unavailable", "The token service is unavailable; retry later."),
    SHARED_CACHE_UNAVAILABLE(503, "shared-cache-unavailable", "The shared cache is unavailable; retry later.");

    private final int status;
    private final String code;
    private final String title;

    ErrorCode(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The stable code carried in the problem body's {@code code} member. */
    public String code() {
        return code;
    }

    /** A safe, fixed sentence for the problem body's {@code title} member. */
    public String title() {
        return title;
    }

    /** True for failures on our side or upstream; client errors are expected and never logged as errors. */
    public boolean logAsError() {
        return status >= 500;
    }
}
