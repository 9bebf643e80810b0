package io.stsvend.grant.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads the grammar's "string or non-empty array of strings" values, strictly. */
final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * The strings of {@code node}: a JSON string, or a non-empty array of JSON strings. Numbers, booleans, nulls,
     * objects, empty arrays and nested arrays are grammar errors; {@code allowEmpty} decides whether {@code ""} is
     * a legal element.
     */
    static List<String> read(JsonNode node, String where, boolean allowEmpty) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    throw notStrings(where, element);
                }
                out.add(element.textValue());
            }
        } else {
            throw notStrings(where, node);
        }
        if (!allowEmpty && out.contains("")) {
            throw new PolicyGrammarException(where + " must not contain an empty string");
        }
        return out;
    }

    /** A single JSON string. */
    static String single(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new PolicyGrammarException(where + " must be a JSON string, got " + describe(node));
        }
        return node.textValue();
    }

    private static PolicyGrammarException notStrings(String where, JsonNode offending) {
        String hint = offending.isNumber() || offending.isBoolean()
                ? " (numbers and booleans must be written as JSON strings, e.g. \"10\", \"true\")" : "";
        return new PolicyGrammarException(
                where + " must be a string or a non-empty array of strings, got " + describe(offending) + hint);
    }

    static String describe(JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? "an empty array" : "an array";
        }
        switch (node.getNodeType()) {
            case OBJECT: return "an object";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            case STRING: return "a string";
            default: return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
