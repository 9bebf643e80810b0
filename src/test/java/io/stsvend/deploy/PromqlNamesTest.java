package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tokenizer finds the metric names of the expressions the rules and the dashboard use, and nothing else. */
class PromqlNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            up                                                                              | up
            sum by (outcome) (rate(a_total{job=~"$job", outcome!="x"}[5m]))                 | a_total
            sum(rate(a_total[5m])) without (instance, pod) / on() group_left b:rec           | a_total b:rec
            histogram_quantile(0.99, sum by (le) (rate(h_seconds_bucket{le!="+Inf"}[$__rate_interval])))| h_seconds_bucket
            sum(a) or vector(0)                                                             | a
            a > bool 1e3 and on (pod) b unless ignoring (x) c                               | a b c
            rate(a[5m] offset 1h) - rate(a[5m] offset -30m) + b @ 1609746000                | a b
            label_replace(a, "dst", "$1", "src", "(by)(.*)")                             | a
            max_over_time(deriv(a[10m:1m])[1h:]) * 0x1F                                     | a
            sum(x) by (le) * inf + NaN                                                      | x
            sum(rate(a{s="}{[(by"}[5m])) / ${divisor} * b                                   | a b
            """)
    void findsTheMetricNames(String expr, String expected) {
        assertEquals(List.of(expected.split(" ")), List.copyOf(PromqlNames.of(expr)));
    }

    @Test
    void aRecordingRuleNameWithColonsIsOneName() {
        assertEquals(Set.of("stsvend:sts_account_quota:per_second"),
                PromqlNames.of("stsvend:sts_account_quota:per_second"));
    }

    @Test
    void templateVariableQueries() {
        assertEquals(Set.of("a_total"), PromqlNames.ofVariableQuery("label_values(a_total{x=\"y\"}, job)"));
        assertEquals(Set.of(), PromqlNames.ofVariableQuery("label_values(job)"));
        assertEquals(Set.of("b"), PromqlNames.ofVariableQuery("query_result(topk(5, b))"));
    }

    @Test
    void unterminatedStringsAreRejectedRatherThanMisread() {
        assertThrows(IllegalArgumentException.class, () -> PromqlNames.of("a{x=\"y}"));
    }
}
