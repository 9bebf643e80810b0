package io.stsvend.explain;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.policy.AccessRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "May these credentials do {@code action} on {@code resource}?" as the OSS emulator would ask RAM: a concrete
 * action ({@code oss:GetObject}), a concrete resource ARN ({@code acs:oss:*:*:app-bucket/users/alice/x.txt}, or the
 * bucket ARN for bucket-level actions) and, for {@code oss:ListObjects}, the listing {@code prefix} (absent = the
 * bucket root, evaluated as {@code oss:Prefix = ""} exactly as the emulator does). Other condition keys
 * ({@code acs:SourceIp}, {@code acs:CurrentTime}, ...) are not part of the question and evaluate as absent.
 */
public record Question(AccessRequest request) {

    /** Longest action and resource accepted: far above any real one, small enough to echo safely. */
    static final int MAX_ACTION = 128;
    static final int MAX_RESOURCE = 1100;
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]{1,32}:[A-Za-z0-9]{1,95}");
    private static final String LIST = "oss:ListObjects";

    /**
     * Parses the optional question; absent when neither {@code action} nor {@code resource} is given.
     *
     * @throws CodedException {@link ErrorCode#BAD_REQUEST} when only one of them is given, either is malformed, or
     *                        a prefix comes with an action other than {@code oss:ListObjects}
     */
    public static Optional<Question> parse(String action, String resource, String prefix) {
        if (action == null && resource == null) {
            if (prefix != null) {
                throw bad("prefix is only meaningful with action=oss:ListObjects and a bucket resource.");
            }
            return Optional.empty();
        }
        if (action == null || resource == null) {
            throw bad("action and resource go together: give both or neither.");
        }
        if (action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
            throw bad("action must be a concrete RAM action such as oss:GetObject (no wildcards).");
        }
        if (resource.length() > MAX_RESOURCE || resource.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw bad("resource must be an ARN such as acs:oss:*:*:bucket/key, at most " + MAX_RESOURCE
                    + " characters.");
        }
        boolean list = action.equalsIgnoreCase(LIST);
        if (prefix != null && (!list || prefix.length() > MAX_RESOURCE)) {
            throw bad("prefix is only meaningful with action=oss:ListObjects and a bucket resource.");
        }
        try {
            AccessRequest request = AccessRequest.of(action, resource);
            return Optional.of(new Question(list ? request.with("oss:Prefix", prefix == null ? "" : prefix) : request));
        } catch (IllegalArgumentException e) {
            throw bad("resource must be an ARN acs:<service>:<region>:<account>:<id>, such as"
                    + " acs:oss:*:*:bucket/key.");
        }
    }

    public String action() {
        return request.action();
    }

    public String resource() {
        return request.resource();
    }

    public Optional<String> prefix() {
        return request.values("oss:Prefix").stream().findFirst();
    }

    private static CodedException bad(String detail) {
        return new CodedException(ErrorCode.BAD_REQUEST, detail);
    }
}
