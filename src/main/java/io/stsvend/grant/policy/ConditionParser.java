package io.stsvend.grant.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a statement's {@code Condition} block: a non-empty object of known operators, each mapping a non-empty set
 * of {@code <prefix>:<name>} keys to a string or non-empty array of strings that parse as the operator's type.
 * A key may appear only once per operator, ignoring case (key names are case-insensitive).
 */
final class ConditionParser {

    private ConditionParser() {
    }

    static List<ConditionClause> parse(JsonNode block, String where) {
        requireNonEmptyObject(block, where);
        List<ConditionClause> clauses = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ConditionOperator operator = ConditionOperator.fromJsonName(entry.getKey()).orElseThrow(() ->
                    new PolicyGrammarException(where + " has unknown condition operator "
                            + PolicyGrammarException.excerpt(entry.getKey())));
            clauses.addAll(parseOperator(operator, entry.getValue(), where + "." + operator.jsonName()));
        }
        return clauses;
    }

    private static List<ConditionClause> parseOperator(ConditionOperator operator, JsonNode keys, String where) {
        requireNonEmptyObject(keys, where);
        List<ConditionClause> clauses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String keyWhere = where + "[" + PolicyGrammarException.excerpt(key) + "]";
            if (!isWellFormedKey(key)) {
                throw new PolicyGrammarException(keyWhere + " is not a condition key of the form <prefix>:<name>");
            }
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw new PolicyGrammarException(keyWhere + " appears twice (condition keys are case-insensitive)");
            }
            List<String> values = JsonStrings.read(entry.getValue(), keyWhere, true);
            for (String value : values) {
                if (!operator.acceptsPolicyValue(value)) {
                    throw new PolicyGrammarException(keyWhere + " value " + PolicyGrammarException.excerpt(value)
                            + " is not valid for " + operator.jsonName());
                }
            }
            clauses.add(new ConditionClause(operator, key, values));
        }
        return clauses;
    }

    private static boolean isWellFormedKey(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && colon < key.length() - 1 && key.chars().noneMatch(Character::isWhitespace);
    }

    private static void requireNonEmptyObject(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            throw new PolicyGrammarException(where + " must be a non-empty object, got "
                    + (node.isObject() ? "an empty object" : JsonStrings.describe(node)));
        }
    }
}
