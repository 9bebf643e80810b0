package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The monitoring component renders (kubectl kustomize) to a PrometheusRule carrying the rules file and a Grafana
 * sidecar ConfigMap carrying the dashboard unchanged; the dashboard is well-formed and its panels query only metrics
 * (checked on a running service by {@link MonitoredMetricsTest}) or series the rules record.
 */
class MonitoringComponentTest {

    private static final String OVERLAY = "overlays/monitoring";

    @Test
    void rendersThePrometheusRuleWithTheRulesFile() {
        List<GenericKubernetesResource> rules = RenderedOverlay.of(OVERLAY).all(GenericKubernetesResource.class)
                .stream().filter(r -> "PrometheusRule".equals(r.getKind())).toList();
        assertEquals(1, rules.size(), "one PrometheusRule");
        GenericKubernetesResource rule = rules.get(0);
        assertEquals("monitoring.coreos.com/v1", rule.getApiVersion());
        assertEquals("stsvend", rule.getMetadata().getName());
        assertEquals("stsvend", rule.getMetadata().getNamespace(), "the overlay's namespace applies to it");
        JsonNode rendered = new ObjectMapper().valueToTree(rule.getAdditionalProperties().get("spec"));
        assertEquals(MonitoringBundle.rulesFile(), rendered, "kustomize must pass the rules through unchanged");
    }

    @Test
    void theMonitoringKustomizationAppliesOnItsOwnWithoutAWorkload() {
        // `kubectl apply -k deploy/k8s/monitoring -n <ns>` next to any overlay: only the rule and the dashboard.
        List<String> kinds = RenderedOverlay.of("monitoring").resources().stream()
                .map(r -> r.getKind() + "/" + r.getMetadata().getName()).sorted().toList();
        assertEquals(List.of("ConfigMap/stsvend-dashboard", "PrometheusRule/stsvend"), kinds);
    }

    @Test
    void rendersTheDashboardForTheGrafanaSidecar() throws IOException {
        ConfigMap dashboard = RenderedOverlay.of(OVERLAY).configMap("stsvend-dashboard");
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"),
                "the sidecar's default label selects it");
        assertEquals(Set.of("stsvend.json"), dashboard.getData().keySet());
        assertEquals(MonitoringBundle.dashboard(), new ObjectMapper().readTree(dashboard.getData().get("stsvend.json")));
    }

    @Test
    void dashboardIsWellFormed() {
        JsonNode dashboard = MonitoringBundle.dashboard();
        assertEquals("stsvend", dashboard.path("uid").asText(), "a stable uid keeps links working across updates");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertFalse(title.isBlank(), "every panel has a title");
            assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(),
                    title + ": panels use the datasource variable, not a cluster-specific uid");
            assertFalse(panel.path("targets").isEmpty(), title + " has no query");
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertTrue(refIds.add(target.path("refId").asText()), title + ": duplicate refId");
                assertFalse(target.path("expr").asText().isBlank(), title + ": empty expression");
            }
        }
    }

    @Test
    void dashboardCoversWhatOperatorsWatch() {
        Map<String, String> panels = MonitoringBundle.panelExpressions();
        String all = String.join("\n", panels.values());
        for (String metric : List.of("stsvend_sts_assume_role_seconds_count", "stsvend_sts_circuit_breaker",
                "stsvend:sts_account_quota:per_second", "stsvend:credentials_cache_hit:ratio_rate5m",
                "stsvend_credentials_requests_total", "stsvend_sts_assume_role_seconds_bucket",
                "stsvend_shared_cache_lookups_total", "stsvend_upload_callbacks_total")) {
            assertTrue(panels.values().stream().anyMatch(e -> PromqlNames.of(e).contains(metric)),
                    "no panel shows " + metric);
        }
        assertTrue(all.contains("histogram_quantile(0.99"), "latency percentiles");
    }

    @Test
    void everyRecordedSeriesTheDashboardUsesIsRecordedByTheRules() {
        Set<String> colonNames = new TreeSet<>();
        MonitoringBundle.panelExpressions().values().forEach(e -> PromqlNames.of(e).stream()
                .filter(n -> n.contains(":")).forEach(colonNames::add));
        assertFalse(colonNames.isEmpty());
        colonNames.removeAll(MonitoringBundle.recordedNames());
        assertEquals(Set.of(), colonNames, "recorded series that no rule records");
    }

    @Test
    void everyAlertHasASeverityAndASummary() {
        for (JsonNode group : MonitoringBundle.rulesFile().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    String name = rule.get("alert").asText();
                    assertTrue(Set.of("critical", "warning", "info")
                            .contains(rule.path("labels").path("severity").asText()), name + ": severity");
                    assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name + ": summary");
                }
            }
        }
    }

    @Test
    void everyAlertHasAPromtoolTestThatFiresIt() throws IOException {
        JsonNode tests = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(java.nio.file.Files.readString(MonitoringBundle.RULE_TESTS));
        Set<String> fired = new TreeSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode alert : test.path("alert_rule_test")) {
                if (!alert.path("exp_alerts").isEmpty()) {
                    fired.add(alert.path("alertname").asText());
                }
            }
        }
        Set<String> alerts = new TreeSet<>();
        MonitoringBundle.ruleExpressions().keySet().stream().filter(k -> k.startsWith("alert "))
                .forEach(k -> alerts.add(k.substring("alert ".length())));
        assertEquals(alerts, fired, "alerts with a promtool test case that expects them to fire");
    }
}
