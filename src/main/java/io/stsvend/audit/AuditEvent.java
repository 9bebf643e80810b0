package io.stsvend.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.stsvend.grant.Grant;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One audit line: who asked ({@code subject}, {@code roleSessionName}), for what ({@code policyFingerprint},
 * {@code grants} as {@code bucket/prefix[objects]:access,...}), how it was served ({@code cache}: hit, miss, shared,
 * refresh, or remote: a local miss served from the shared cache, with no STS call by this replica), the
 * {@code outcome} ({@code ok} or the catalogue error code), the STS request id of the token handed out (absent on
 * failure; for hit and remote, the earlier call that minted it) and {@code latencyMs}. Fields unknown at the time of
 * a failure are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"event", "subject", "roleSessionName", "policyFingerprint", "grants", "cache", "outcome",
        "stsRequestId", "latencyMs"})
public record AuditEvent(String event, String subject, String roleSessionName, String policyFingerprint, List<String> grants,
                  String cache, String outcome, String stsRequestId, long latencyMs) {

    public static final String EVENT = "credential-issuance";
    public static final String OK = "ok";

    /** The grants as {@code bucket/prefix[objects]:access,...}, as the line carries them. */
    public static List<String> describe(List<Grant> grants) {
        return grants.stream().map(AuditEvent::describe).toList();
    }

    private static String describe(Grant grant) {
        return grant.bucket() + "/" + grant.prefix() + grant.objectPattern().orElse("") + ":"
                + grant.access().stream().map(a -> a.label()).collect(Collectors.joining(","));
    }
}
