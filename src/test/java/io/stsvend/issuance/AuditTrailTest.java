package io.stsvend.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.audit.AuditTrail;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.stsvend.testing.CredentialsCalls.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One JSON line per issuance attempt on {@code stsvend.audit}, with the fields the audit trail needs. */
@QuarkusTest
class AuditTrailTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CloudBox box;

    LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.install();
    }

    @AfterEach
    void restore() {
        logs.close();
    }

    List<JsonNode> auditLinesOf(String subject) throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String text : logs.texts(AuditTrail.CATEGORY)) {
            JsonNode line = JSON.readTree(text);
            if (subject.equals(line.path("subject").asText())) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void missThenHitAreAuditedWithSessionNamePolicyGrantsAndStsRequestId() throws Exception {
        String token = TestTokens.forSubject("audit-ann", "viewer");
        get(token).then().statusCode(200);
        get(token).then().statusCode(200);

        List<JsonNode> lines = auditLinesOf("audit-ann");
        assertEquals(2, lines.size(), lines::toString);
        JsonNode miss = lines.get(0);
        assertEquals("credential-issuance", miss.path("event").asText());
        assertEquals("audit-ann", miss.path("roleSessionName").asText());
        assertEquals(43, miss.path("policyFingerprint").asText().length(), "base64url SHA-256 of the policy");
        assertEquals(List.of("app-bucket/shared/:read,list", "app-bucket/users/audit-ann/:read,write,delete,list"),
                JSON.convertValue(miss.path("grants"), List.class));
        assertEquals("miss", miss.path("cache").asText());
        assertEquals("ok", miss.path("outcome").asText());
        assertFalse(miss.path("stsRequestId").asText().isEmpty());
        assertTrue(miss.path("latencyMs").isIntegralNumber());

        JsonNode hit = lines.get(1);
        assertEquals("hit", hit.path("cache").asText());
        assertEquals(miss.path("stsRequestId"), hit.path("stsRequestId"), "a hit names the call that minted it");
        assertEquals(miss.path("policyFingerprint"), hit.path("policyFingerprint"));
    }

    @Test
    void failedAttemptIsAuditedWithItsErrorCodeAndNoRequestId() throws Exception {
        box.faults().failNextAssumeRoleCalls(1,
                new InjectedError(403, "NoPermission", "You are not authorized"));
        get(TestTokens.forSubject("audit-bob")).then().statusCode(500);

        List<JsonNode> lines = auditLinesOf("audit-bob");
        assertEquals(1, lines.size(), lines::toString);
        assertEquals("miss", lines.get(0).path("cache").asText());
        assertEquals("sts-misconfigured", lines.get(0).path("outcome").asText());
        assertTrue(lines.get(0).path("stsRequestId").isMissingNode());
    }

    @Test
    void refusalBeforeStsIsAuditedToo() throws Exception {
        get(TestTokens.forSubject("audit-*")).then().statusCode(403);
        List<JsonNode> lines = auditLinesOf("audit-*");
        assertEquals(1, lines.size(), lines::toString);
        assertEquals("invalid-claim", lines.get(0).path("outcome").asText());
        assertTrue(lines.get(0).path("cache").isMissingNode(), "the cache was never consulted");
    }

    @Test
    void theEventLoopThatServedARequestDoesNotWriteItsLine() {
        String token = TestTokens.forSubject("audit-carl", "viewer");
        get(token).then().statusCode(200);
        get(token).then().statusCode(200);

        List<String> writers = logs.lines().stream()
                .filter(l -> AuditTrail.CATEGORY.equals(l.category()) && l.text().contains("\"subject\":\"audit-carl\""))
                .map(LogCapture.Line::thread).toList();
        assertEquals(2, writers.size(), writers::toString);
        assertTrue(writers.stream().noneMatch(t -> t.startsWith("vert.x-eventloop")),
                "queued for the audit trail's thread, not written by the event loop: " + writers);
    }
}
