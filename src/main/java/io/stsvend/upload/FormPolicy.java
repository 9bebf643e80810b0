package io.stsvend.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The PostObject policy document of one form (spec §5.2), rendered as JSON by Jackson so every value is escaped:
 * {@code expiration} in Java's millisecond form, then conditions pinning the bucket, the key ({@code eq}) or its
 * prefix ({@code starts-with}), {@code content-length-range} 1..maxBytes, optionally {@code in} conditions on both
 * {@code $content-type} and {@code $x-oss-content-type} (every field that decides the stored type), and
 * the V4 signature fields and STS token, which OSS documents as part of a V4 policy, and the upload callback when
 * one was asked for (the {@code callback} field and its {@link CallbackBinding} variable).
 */
record FormPolicy(Instant expiration, String bucket, String key, boolean isPrefix, long maxBytes,
                  List<String> contentTypes, V4Fields v4, Map<String, String> callback) {

    /** The signature fields the form carries besides {@code x-oss-signature}, pinned by the policy. */
    record V4Fields(String credential, String date, String securityToken) {
    }

    static final int MAX_CONTENT_TYPES = 20;
    /** Every form field that decides the stored object's type. */
    static final List<String> TYPE_FIELDS = List.of("content-type", "x-oss-content-type");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}"
            + "(;[ -~]{0,128})?");
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Accepts {@code null} (no condition) or 1 to {@value #MAX_CONTENT_TYPES} well-formed media types. */
    static List<String> checkContentTypes(List<String> types) {
        if (types == null) {
            return List.of();
        }
        if (types.isEmpty() || types.size() > MAX_CONTENT_TYPES
                || !types.stream().allMatch(t -> t != null && CONTENT_TYPE.matcher(t).matches())) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "contentTypes must list 1 to " + MAX_CONTENT_TYPES
                    + " media types such as image/jpeg.");
        }
        return List.copyOf(types);
    }

    String json() {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("expiration", EXPIRATION.format(expiration));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        conditions.addArray().add(isPrefix ? "starts-with" : "eq").add("$key").add(key);
        conditions.addArray().add("content-length-range").add(1).add(maxBytes);
        if (!contentTypes.isEmpty()) {
            // OSS stores x-oss-content-type over Content-Type (spec §5.1): both decide the stored type, so both are
            // pinned and both must be sent. Condition field names match form fields in any case.
            for (String field : TYPE_FIELDS) {
                ArrayNode in = conditions.addArray().add("in").add("$" + field).addArray();
                contentTypes.forEach(in::add);
            }
        }
        conditions.addObject().put("x-oss-signature-version", "OSS4-HMAC-SHA256");
        conditions.addObject().put("x-oss-credential", v4.credential());
        conditions.addObject().put("x-oss-date", v4.date());
        conditions.addObject().put("x-oss-security-token", v4.securityToken());
        // Pinned exactly, so the uploader can neither drop the notification, point it elsewhere nor swap its binding.
        callback.forEach((field, value) -> conditions.addObject().put(field, value));
        try {
            return JSON.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy of strings and numbers always renders", e);
        }
    }

    @Override
    public String toString() {
        return "FormPolicy[" + bucket + "/" + key + (isPrefix ? "*" : "") + ", maxBytes=" + maxBytes + "]";
    }
}
