package io.stsvend.cloudbox.oss;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A PostObject policy document (spec §5.2): Base64 of UTF-8 JSON with a mandatory ISO 8601 {@code expiration} and a
 * mandatory {@code conditions} array. Every listed condition is enforced; form fields the policy does not mention are
 * not checked (the spec's "extra fields are checked too" wording is ambiguous, see §5.2). A document that cannot be
 * decoded or has an unknown condition form is {@code InvalidPolicyDocument}.
 */
final class PostPolicy {

    private final Instant expiration;
    private final List<PostCondition> conditions;

    private PostPolicy(Instant expiration, List<PostCondition> conditions) {
        this.expiration = expiration;
        this.conditions = List.copyOf(conditions);
    }

    /** @throws OssException InvalidArgument without a policy, InvalidPolicyDocument when it cannot be understood */
    static PostPolicy decode(String base64) {
        if (base64 == null || base64.isEmpty()) {
            throw new OssException(OssErrorCode.INVALID_ARGUMENT, "The policy form field is required.");
        }
        JsonObject document;
        try {
            document = new JsonObject(new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException e) {
            throw invalid("Invalid JSON.");
        }
        Object expiration = document.getValue("expiration");
        Object conditions = document.getValue("conditions");
        if (!(expiration instanceof String text) || !(conditions instanceof JsonArray list)) {
            throw invalid("expiration and conditions are required.");
        }
        List<PostCondition> parsed = new ArrayList<>();
        for (Object condition : list) {
            parsed.addAll(PostCondition.parse(condition));
        }
        try {
            return new PostPolicy(Instant.parse(text), parsed);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid expiration.");
        }
    }

    /**
     * @param fields     the form's text fields by lower-cased name
     * @param bucket     the bucket the form is posted to (the {@code bucket} condition's value)
     * @param fileLength the size of the uploaded file, for {@code content-length-range}
     * @throws OssException AccessDenied "Policy expired." or "Policy Condition failed: [...]"
     */
    void check(Instant now, Map<String, String> fields, String bucket, long fileLength) {
        if (!now.isBefore(expiration)) {
            throw new OssException(OssErrorCode.POLICY_EXPIRED);
        }
        for (PostCondition condition : conditions) {
            String value = condition.field().equals("bucket") ? bucket : fields.getOrDefault(condition.field(), "");
            if (!condition.accepts(value, fileLength)) {
                throw new OssException(OssErrorCode.POLICY_CONDITION_FAILED,
                        OssErrorCode.POLICY_CONDITION_FAILED.message + condition.text());
            }
        }
    }

    static OssException invalid(String reason) {
        return new OssException(OssErrorCode.INVALID_POLICY_DOCUMENT, "Invalid Policy: " + reason);
    }
}
