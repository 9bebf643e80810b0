package io.stsvend.cloudbox.oss;

import io.vertx.core.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A callback body template and its type (spec §6.1). Variables: {@code ${bucket}}, {@code ${object}}, {@code ${etag}}
 * (upper-case hex, no quotes), {@code ${size}}, {@code ${mimeType}}, {@code ${imageInfo.height|width|format}} (always
 * empty: the emulator does not inspect images) and custom {@code ${x:name}} (empty when not supplied); unknown names
 * render empty. For {@code application/x-www-form-urlencoded} (the default) values are URL-encoded; for
 * {@code application/json} values are JSON values, as in Alibaba's samples ({@code {"size":${size}}}): {@code size}
 * a number, everything else a quoted JSON string.
 */
record CallbackBody(String template, String contentType) {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    /** @throws OssException InvalidArgument for an unknown type or an unterminated {@code ${} */
    static CallbackBody of(String template, String type) {
        String contentType = type == null || type.isBlank() ? FORM : type.trim();
        if (!contentType.equals(FORM) && !contentType.equals(JSON)) {
            throw CallbackParameters.invalid("The callbackBodyType is invalid.");
        }
        int at = template.indexOf("${");
        while (at >= 0) {
            int end = template.indexOf('}', at);
            if (end < 0) {
                throw CallbackParameters.invalid("The callbackBody has a malformed variable.");
            }
            at = template.indexOf("${", end);
        }
        return new CallbackBody(template, contentType);
    }

    String render(String bucket, StoredObject object, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at = template.indexOf("${");
        while (at >= 0) {
            int end = template.indexOf('}', at);
            out.append(template, from, at).append(value(template.substring(at + 2, end), bucket, object, variables));
            from = end + 1;
            at = template.indexOf("${", from);
        }
        return out.append(template.substring(from)).toString();
    }

    private String value(String name, String bucket, StoredObject object, Map<String, String> variables) {
        if (name.equals("size")) {
            return String.valueOf(object.size());
        }
        String raw = switch (name) {
            case "bucket" -> bucket;
            case "object" -> object.key();
            case "etag" -> object.etag();
            case "mimeType" -> object.contentType();
            default -> variables.getOrDefault(name, "");
        };
        return contentType.equals(JSON) ? Json.encode(raw) : URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }
}
