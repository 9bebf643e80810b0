package io.stsvend.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;

/**
 * Writes one JSON line per issuance attempt (each request that reaches issuance, and each background refresh) on
 * the logger category {@value #CATEGORY}, at INFO. The line is built only from {@link AuditEvent}'s fields, none of
 * which is for a secret, a security token or the caller's JWT, so none can be logged here.
 *
 * <p>A line is the fields that name the caller and their grants ({@link Head}: the same for every request of one
 * verified token, so the issuer renders it once and keeps it) followed by what this attempt did. Together they are
 * Jackson's rendering of the {@link AuditEvent}, byte for byte: the head through the object mapper, the tail's
 * strings through Jackson's own JSON string escaping.
 *
 * <p>A line is queued and written by the audit trail's own thread ({@link AuditWriter}), not by the event loop that
 * served the request; {@link #flush()} writes what is queued now. (The category's other lines, one per admin request
 * and per accepted upload callback, are rare and written directly by {@code AdminAudit} and {@code CallbackVerifier}.)
 */
@ApplicationScoped
public class AuditTrail {

    /** The logger category of audit lines; route it to the audit sink. */
    public static final String CATEGORY = "stsvend.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditWriter writer;

    /** The caller's fields of a line, rendered: {@link AuditEvent} up to and including {@code grants}. */
    public static final class Head {
        private final String json;

        private Head(String json) {
            this.json = json;
        }
    }

    /** What {@link Head} renders; absent fields are omitted, as in {@link AuditEvent}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"event", "subject", "roleSessionName", "policyFingerprint", "grants"})
    private record HeadFields(String event, String subject, String roleSessionName, String policyFingerprint,
                              List<String> grants) {
    }

    /** The head of every {@link AuditEvent#EVENT} line of this caller and grants; any argument may be null. */
    public static Head head(String subject, String roleSessionName, String policyFingerprint, List<String> grants) {
        return head(AuditEvent.EVENT, subject, roleSessionName, policyFingerprint, grants);
    }

    private static Head head(String event, String subject, String roleSessionName, String policyFingerprint,
                             List<String> grants) {
        try {
            String object = JSON.writeValueAsString(new HeadFields(Objects.requireNonNull(event, "event"), subject,
                    roleSessionName, policyFingerprint, grants));
            return new Head(object.substring(0, object.length() - 1));
        } catch (JsonProcessingException e) {
            // Cannot happen for strings; say so without the content.
            throw new IllegalStateException("Audit head could not be rendered (" + e.getClass().getSimpleName() + ")");
        }
    }

    @PostConstruct
    void start() {
        // Not in a field initializer: the client proxy runs this class's constructor too.
        writer = new AuditWriter(LOG::info, "stsvend-audit", AuditWriter.MAX_PENDING,
                AuditWriter.INTERVAL_NANOS);
    }

    @PreDestroy
    void stop() {
        writer.close();
    }

    /** Writes every line queued so far, on the calling thread (tests, before reading the log). */
    public void flush() {
        writer.flush();
    }

    public void record(AuditEvent event) {
        record(head(event.event(), event.subject(), event.roleSessionName(), event.policyFingerprint(),
                event.grants()), event.cache(), event.outcome(), event.stsRequestId(), event.latencyMs());
    }

    /** One line: {@code head}, then this attempt's {@code cache} label and STS request id (either may be null). */
    public void record(Head head, String cache, String outcome, String stsRequestId, long latencyMs) {
        if (LOG.isInfoEnabled()) {
            writer.write(line(head, cache, outcome, stsRequestId, latencyMs));
        }
    }

    static String line(Head head, String cache, String outcome, String stsRequestId, long latencyMs) {
        StringBuilder line = new StringBuilder(head.json.length() + 96).append(head.json);
        member(line, "cache", cache);
        member(line, "outcome", outcome);
        member(line, "stsRequestId", stsRequestId);
        return line.append(",\"latencyMs\":").append(latencyMs).append('}').toString();
    }

    private static void member(StringBuilder line, String name, String value) {
        if (value != null) {
            line.append(",\"").append(name).append("\":\"");
            JsonStringEncoder.getInstance().quoteAsString(value, line);
            line.append('"');
        }
    }
}
