package io.stsvend.explain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The startup check of {@code stsvend.explain.role-policy}. */
class ExplainChecksTest {

    @Test
    void unsetOrAValidPolicyPasses() {
        assertEquals(List.of(), ExplainProducers.problems(Optional::empty));
        assertEquals(List.of(), ExplainProducers.problems(() -> Optional.of("{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:b/*\"}]}")));
    }

    @Test
    void aPolicyRamWouldRejectStopsTheStart() {
        List<String> problems = ExplainProducers.problems(() -> Optional.of("{\"Version\":\"2\",\"Statement\":[]}"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("stsvend.explain.role-policy: not a RAM policy: Version"),
                problems.get(0));
    }
}
