package io.stsvend.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Writes one JSON line per issuance attempt (each request that reaches issuance, and each background refresh) on
 * the logger category {@value #CATEGORY}, at INFO. The line is built only from {@link AuditEvent}, which has no
 * field for a secret, a security token or the caller's JWT, so none can be logged here.
 */
@ApplicationScoped
public class AuditTrail {

    /** The logger category of audit lines; route it to the audit sink. */
    public static final String CATEGORY = "stsvend.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    public void record(AuditEvent event) {
        try {
            LOG.info(JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            // Cannot happen for a record of strings and numbers; say so without the event's content.
            LOG.errorf("Audit event could not be written (%s)", e.getClass().getSimpleName());
        }
    }
}
