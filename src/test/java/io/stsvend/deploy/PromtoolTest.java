package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules pass {@code promtool check rules} and their unit tests ({@code tests/stsvend.rules.test.yaml},
 * which fire every alert) pass {@code promtool test rules}; every dashboard query is valid PromQL to promtool.
 *
 * <p>Needs Prometheus's promtool (Debian: {@code apt-get install prometheus}, at {@code /usr/bin/promtool}), so it is
 * tagged {@code system-tools} and runs with {@code -Psystem-tools}; {@code -Dstsvend.promtool} or {@code $PROMTOOL}
 * point elsewhere. Inside that profile a missing promtool fails the test with what to install.
 */
@Tag("system-tools")
class PromtoolTest {

    private static final String RULES = "stsvend.rules.yaml";
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void rulesPassPromtoolCheck() throws IOException {
        writeRules();
        promtool(0, "check", "rules", RULES);
    }

    @Test
    void everyAlertFiresInPromtoolsUnitTests() throws IOException {
        writeRules();
        Files.copy(MonitoringBundle.RULE_TESTS, dir.resolve("stsvend.rules.test.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        promtool(0, "test", "rules", "stsvend.rules.test.yaml");
    }

    @Test
    void everyDashboardQueryIsValidPromql() throws IOException {
        // Grafana fills in $__rate_interval; variables inside label matchers are already strings.
        ObjectNode file = new ObjectMapper().createObjectNode();
        ArrayNode rules = file.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        int n = 0;
        for (Map.Entry<String, String> panel : MonitoringBundle.panelExpressions().entrySet()) {
            rules.addObject().put("record", "dashboard:query_" + n++)
                    .put("expr", panel.getValue().replace("$__rate_interval", "5m"));
        }
        Files.writeString(dir.resolve("dashboard.rules.yaml"), new YAMLMapper().writeValueAsString(file));
        promtool(0, "check", "rules", "dashboard.rules.yaml");
    }

    @Test
    void aBrokenRuleFailsTheCheck() throws IOException {
        // Proves the checks above would fail: promtool runs and its verdict is honoured.
        Files.writeString(dir.resolve(RULES), "groups:\n- name: x\n  rules:\n  - alert: Broken\n    expr: sum(rate(x[5m])\n");
        String output = promtool(1, "check", "rules", RULES);
        assertNotEquals(-1, output.indexOf("FAILED"), output);
    }

    private void writeRules() throws IOException {
        Files.writeString(dir.resolve(RULES), new YAMLMapper().writeValueAsString(MonitoringBundle.rulesFile()));
    }

    private String promtool(int expectedExit, String... args) {
        List<String> command = new ArrayList<>(List.of(binary()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(dir, "promtool", ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + "s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(expectedExit, process.exitValue(), String.join(" ", command) + ":\n" + text);
            return text;
        } catch (IOException e) {
            return fail("Cannot run '" + command.get(0) + "': the system-tools tests need Prometheus's promtool."
                    + " Debian/Ubuntu: apt-get install prometheus (promtool lands in /usr/bin); elsewhere point"
                    + " -Dstsvend.promtool or $PROMTOOL at it. Cause: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running promtool");
        }
    }

    private static String binary() {
        String configured = System.getProperty("stsvend.promtool", System.getenv("PROMTOOL"));
        return configured == null || configured.isBlank() ? "promtool" : configured;
    }
}
