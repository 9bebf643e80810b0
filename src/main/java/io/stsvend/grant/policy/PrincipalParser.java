package io.stsvend.grant.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a resource policy's {@code Principal}: {@code "*"}, an array of principal ids (OSS bucket-policy form), or an
 * object of principal types to ids ({@code {"RAM": [...]}}, trust/KMS form). The types are not distinguished: the
 * values are flattened into one list of non-empty strings.
 */
final class PrincipalParser {

    private PrincipalParser() {
    }

    static List<String> parse(JsonNode node, String where) {
        if (!node.isObject()) {
            return JsonStrings.read(node, where, false);
        }
        if (node.isEmpty()) {
            throw new PolicyGrammarException(where + " must not be an empty object");
        }
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            out.addAll(JsonStrings.read(type.getValue(), where + "." + PolicyGrammarException.excerpt(type.getKey()), false));
        }
        return out;
    }
}
