package io.stsvend.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stsvend.audit.AuditTrail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * One JSON line per admin request, allowed or refused, on the audit category {@value AuditTrail#CATEGORY} at INFO:
 * {@code event} ({@value #EVENT}), the {@code admin} subject (absent when the token had none), the {@code action}
 * (e.g. {@code explain}), the {@code target} subject it concerned (if any) and the {@code outcome} ({@code ok} or
 * the catalogue error code), and for revocations the block's {@code until} and the number of entries {@code evicted}.
 * Built only from these strings: no token, claim set or secret can reach the line.
 */
@ApplicationScoped
public class AdminAudit {

    static final String EVENT = "admin-request";
    public static final String OK = "ok";
    private static final Logger LOG = Logger.getLogger(AuditTrail.CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One audit line. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"event", "admin", "action", "target", "outcome", "until", "evicted", "scope"})
    record Line(String event, String admin, String action, String target, String outcome, String until,
                Integer evicted, String scope) {
    }

    /** {@code scope} of a revocation that reached the shared store, so every replica acts on it. */
    public static final String ALL_REPLICAS = "all-replicas";
    /** {@code scope} of a revocation held by the answering replica only (no shared cache, or it did not answer). */
    public static final String THIS_REPLICA = "this-replica";

    public void record(String admin, String action, String target, String outcome) {
        record(admin, action, target, outcome, null, null, null);
    }

    /** A revocation action's line without a block or count: its outcome and {@code scope}. */
    public void record(String admin, String action, String target, String outcome, String scope) {
        record(admin, action, target, outcome, null, null, scope);
    }

    /**
     * A line for a revocation action: also the block's end ({@code until}, ISO-8601 UTC), the number of cache
     * entries {@code evicted} on the answering replica, and its {@code scope} ({@link #ALL_REPLICAS} or
     * {@link #THIS_REPLICA}), each left out when null.
     */
    public void record(String admin, String action, String target, String outcome, String until, Integer evicted,
                       String scope) {
        try {
            LOG.info(JSON.writeValueAsString(new Line(EVENT, admin, action, target, outcome, until, evicted,
                    scope)));
        } catch (JsonProcessingException e) {
            LOG.errorf("Admin audit line could not be written (%s)", e.getClass().getSimpleName());
        }
    }
}
