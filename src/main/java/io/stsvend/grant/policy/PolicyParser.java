package io.stsvend.grant.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns policy JSON into {@link Statement}s, enforcing the grammar documented on {@link PolicyDocument}. */
final class PolicyParser {

    private static final JsonMapper JSON = JsonMapper.builder()
            // A second "Effect" or "Resource" silently winning would let a document say two things at once.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("Version", "Statement");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "Condition");
    private static final String PRINCIPAL = "Principal";

    private PolicyParser() {
    }

    static List<Statement> parse(String json, boolean resourcePolicy) {
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw new PolicyGrammarException("policy must be a JSON object, got " + JsonStrings.describe(root));
        }
        requireOnlyKeys(root, TOP_LEVEL_KEYS, "policy");
        JsonNode version = root.get("Version");
        if (version == null || !version.isTextual() || !"1".equals(version.textValue())) {
            throw new PolicyGrammarException("Version must be the string \"1\"");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || !statements.isArray() || statements.isEmpty()) {
            throw new PolicyGrammarException("Statement must be a non-empty array");
        }
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            out.add(statement(statements.get(i), "Statement[" + i + "]", resourcePolicy));
        }
        return out;
    }

    private static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            throw new PolicyGrammarException("policy is empty");
        }
        if (json.length() > PolicyDocument.MAX_CHARS) {
            throw new PolicyGrammarException("policy is longer than " + PolicyDocument.MAX_CHARS + " characters");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input; report only where it broke.
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                    ? "policy has a duplicate member" : "policy is not valid JSON";
            throw new PolicyGrammarException(what + at, e);
        }
    }

    private static Statement statement(JsonNode node, String where, boolean resourcePolicy) {
        if (!node.isObject()) {
            throw new PolicyGrammarException(where + " must be an object, got " + JsonStrings.describe(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            boolean known = STATEMENT_KEYS.contains(key) || (resourcePolicy && PRINCIPAL.equals(key));
            if (!known) {
                throw new PolicyGrammarException(where + " has unsupported element " + PolicyGrammarException.excerpt(key)
                        + (PRINCIPAL.equals(key) ? " (only resource policies have a Principal)" : ""));
            }
        }
        Optional<String> sid = Optional.ofNullable(node.get("Sid")).map(s -> JsonStrings.single(s, where + ".Sid"));
        Effect effect = Effect.fromJson(JsonStrings.single(required(node, "Effect", where), where + ".Effect"),
                where + ".Effect");
        boolean notAction = node.has("NotAction");
        if (notAction == node.has("Action")) {
            throw new PolicyGrammarException(where + " must have exactly one of Action and NotAction");
        }
        String actionKey = notAction ? "NotAction" : "Action";
        List<String> actions = JsonStrings.read(node.get(actionKey), where + "." + actionKey, false);
        actions.forEach(a -> requireAction(a, where + "." + actionKey));
        List<String> resources = JsonStrings.read(required(node, "Resource", where), where + ".Resource", false);
        resources.forEach(r -> requireResource(r, where + ".Resource"));
        Optional<List<String>> principals = resourcePolicy
                ? Optional.of(PrincipalParser.parse(required(node, PRINCIPAL, where), where + "." + PRINCIPAL))
                : Optional.empty();
        List<ConditionClause> conditions = node.has("Condition")
                ? ConditionParser.parse(node.get("Condition"), where + ".Condition") : List.of();
        return new Statement(sid, effect, actions, notAction, resources, principals, conditions);
    }

    private static JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new PolicyGrammarException(where + " is missing " + key);
        }
        return value;
    }

    /** {@code *} or {@code <ram-code>:<name>} (wildcards allowed in either part), no whitespace. */
    private static void requireAction(String action, String where) {
        int colon = action.indexOf(':');
        boolean ok = "*".equals(action) || (colon > 0 && colon < action.length() - 1 && colon == action.lastIndexOf(':'));
        if (!ok || action.chars().anyMatch(Character::isWhitespace)) {
            throw new PolicyGrammarException(where + " value " + PolicyGrammarException.excerpt(action)
                    + " is not * or <ram-code>:<action>");
        }
    }

    private static void requireResource(String resource, String where) {
        if (!ArnPattern.isWellFormedPattern(resource)) {
            throw new PolicyGrammarException(where + " value " + PolicyGrammarException.excerpt(resource)
                    + " is not * or acs:<service>:<region>:<account>:<relative-id>");
        }
    }

    private static void requireOnlyKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new PolicyGrammarException(where + " has unsupported element " + PolicyGrammarException.excerpt(key));
            }
        }
    }
}
