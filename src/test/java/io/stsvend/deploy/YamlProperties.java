package io.stsvend.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML document flattened to dotted property names, the way Quarkus reads {@code application.yaml}:
 * {@code a: {b: 1}} and {@code "a.b": 1} both become {@code a.b=1}; list items become {@code a[0]}.
 * Only scalars appear as values; YAML null becomes the empty string.
 */
final class YamlProperties {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private YamlProperties() {
    }

    static Map<String, String> parse(String yaml) {
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            JsonNode root = MAPPER.readTree(yaml);
            if (root != null) {
                flatten("", root, properties);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML", e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
