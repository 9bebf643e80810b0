package io.stsvend.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The monitoring component's files as the tests read them: {@code prometheusrule.yaml} (its {@code spec} is a plain
 * Prometheus rules file) and {@code stsvend-dashboard.json}. Expressions are keyed by where they are ("alert X",
 * "panel 'T' A", "variable job") so a failure names the place to fix.
 */
final class MonitoringBundle {

    static final Path DIR = RenderedOverlay.ROOT.resolve("monitoring");
    static final Path RULES = DIR.resolve("prometheusrule.yaml");
    static final Path DASHBOARD = DIR.resolve("stsvend-dashboard.json");
    static final Path RULE_TESTS = DIR.resolve("tests").resolve("stsvend.rules.test.yaml");

    private MonitoringBundle() {
    }

    static JsonNode rulesFile() {
        return read(RULES, new YAMLMapper()).path("spec");
    }

    static JsonNode dashboard() {
        return read(DASHBOARD, new ObjectMapper());
    }

    /** Every rule's expression, keyed "alert Name" or "record name". */
    static Map<String, String> ruleExpressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : rulesFile().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String key = rule.has("alert") ? "alert " + rule.get("alert").asText()
                        : "record " + rule.path("record").asText();
                expressions.put(key, rule.path("expr").asText());
            }
        }
        return expressions;
    }

    /** The series the recording rules produce: names that exist in Prometheus, not on /q/metrics. */
    static Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : rulesFile().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) {
                    names.add(rule.get("record").asText());
                }
            }
        }
        return names;
    }

    /** Every panel target's expression, keyed "panel 'Title' refId", nested rows included. */
    static Map<String, String> panelExpressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        collectPanels(dashboard().path("panels"), expressions);
        return expressions;
    }

    /** Every query variable's query, keyed "variable name". */
    static Map<String, String> variableQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                queries.put("variable " + variable.path("name").asText(),
                        query.isObject() ? query.path("query").asText() : query.asText());
            }
        }
        return queries;
    }

    /**
     * The names of metrics the service must export, per place: every name the rules, panels and variables select,
     * less the recording rules' own series.
     */
    static Map<String, Set<String>> exportedNamesByPlace() {
        Set<String> recorded = recordedNames();
        Map<String, Set<String>> byPlace = new LinkedHashMap<>();
        ruleExpressions().forEach((place, expr) -> byPlace.put(place, PromqlNames.of(expr)));
        panelExpressions().forEach((place, expr) -> byPlace.put(place, PromqlNames.of(expr)));
        variableQueries().forEach((place, query) -> byPlace.put(place, PromqlNames.ofVariableQuery(query)));
        byPlace.replaceAll((place, names) -> {
            Set<String> exported = new TreeSet<>(names);
            exported.removeAll(recorded);
            return exported;
        });
        return byPlace;
    }

    private static void collectPanels(JsonNode panels, Map<String, String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
            collectPanels(panel.path("panels"), expressions);
        }
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
