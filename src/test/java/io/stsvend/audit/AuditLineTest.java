package io.stsvend.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit line built from a kept head plus this attempt's fields is exactly Jackson's rendering of the whole
 * {@link AuditEvent}: same members, order, omissions and escaping, so the sink's parsers see no difference.
 */
class AuditLineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<AuditEvent> events() {
        return Stream.of(
                new AuditEvent(AuditEvent.EVENT, "alice", "alice", "fp-1", List.of("b/users/alice/:read,write"),
                        "hit", AuditEvent.OK, "req-1", 3),
                // A failure before any grants were worked out: only subject, outcome and latency.
                new AuditEvent(AuditEvent.EVENT, "bob", null, null, null, null, "no-grants", null, 0),
                // Everything a JSON string must escape, in every string member the tail writes.
                new AuditEvent(AuditEvent.EVENT, "quo\"te\\back\nline\u0001ctl\u2028sep é", "x", "fp",
                        List.of(), "re\"fresh", "out\\come\t", "id\u0000\"<>&", Long.MAX_VALUE),
                new AuditEvent(AuditEvent.EVENT, null, null, null, List.of("a", "b"), "miss", AuditEvent.OK, null, 12));
    }

    @ParameterizedTest
    @MethodSource("events")
    void headPlusTailIsJacksonsRenderingOfTheEvent(AuditEvent event) throws Exception {
        AuditTrail.Head head = AuditTrail.head(event.subject(), event.roleSessionName(), event.policyFingerprint(),
                event.grants());

        String line = AuditTrail.line(head, event.cache(), event.outcome(), event.stsRequestId(), event.latencyMs());

        assertEquals(JSON.writeValueAsString(event), line);
    }
}
