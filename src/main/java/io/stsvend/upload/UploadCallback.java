package io.stsvend.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What an upload callback reports about the stored object, read from its body: the {@code bucket}, {@code object},
 * {@code size}, {@code etag} and {@code binding} ({@link CallbackBinding}) variables of a form-urlencoded or JSON
 * callback body (spec §6.1). Absent values are empty strings; the body is only read after its signature was verified.
 */
public record UploadCallback(String bucket, String object, String size, String etag, String binding) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static UploadCallback parse(String contentType, String body) {
        Map<String, String> values = contentType != null && contentType.toLowerCase().startsWith("application/json")
                ? json(body) : form(body);
        return new UploadCallback(values.getOrDefault("bucket", ""), values.getOrDefault("object", ""),
                values.getOrDefault("size", ""), values.getOrDefault("etag", ""), values.getOrDefault("binding", ""));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Map<String, String> json(String body) {
        Map<String, String> values = new HashMap<>();
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            }
        } catch (java.io.IOException e) {
            // A signed body that is not JSON still records the upload, with empty values.
        }
        return values;
    }
}
