package io.stsvend.local;

import io.stsvend.testing.TestConfigs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local mode's values are checked with every other group's, one problem per bad value, and only when it is on. */
class LocalConfigCheckTest {

    static List<String> problems(Map<String, String> changes) {
        Map<String, String> properties = new HashMap<>(Map.of("stsvend.local.enabled", "true"));
        properties.putAll(changes);
        return new LocalConfigCheck(TestConfigs.with(properties).getConfigMapping(LocalConfig.class)).problems();
    }

    @Test
    void theDefaultsPass() {
        assertEquals(List.of(), problems(Map.of()));
    }

    @Test
    void nothingIsCheckedWithLocalModeOff() {
        assertEquals(List.of(), problems(Map.of("stsvend.local.enabled", "false", "stsvend.local.sts.port", "70000")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            stsvend.local.sts.port|70000
            stsvend.local.oss.port|-1
            stsvend.local.oss.port|18081
            stsvend.local.account-id|12ab
            stsvend.local.role-name|has space
            stsvend.local.role-policy|{"Version":"1"}
            stsvend.local.sts.max-session-duration|900s
            stsvend.local.sts.response-delay|61s
            stsvend.local.oss.buckets|Upper
            stsvend.local.oss.max-object-size|0
            """)
    void eachBadValueIsOneProblemNamingItsProperty(String key, String value) {
        List<String> problems = problems(Map.of(key, value));

        assertEquals(1, problems.size(), problems::toString);
        String expected = key.equals("stsvend.local.oss.port") && value.equals("18081")
                ? "stsvend.local.sts.port and stsvend.local.oss.port" : key;
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }
}
