package io.stsvend.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stsvend.error.ErrorCode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the catalogue's stable {@code code}. Built only
 * from the catalogue and safe detail sentences: never from exception messages of libraries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable machine-readable code.")
public record Problem(
        @Schema(description = "urn:stsvend:problem:<code>", example = "urn:stsvend:problem:sts-unavailable")
        String type,
        @Schema(description = "Fixed sentence for the code") String title,
        @Schema(description = "HTTP status", example = "503") int status,
        @Schema(description = "Stable error code", enumeration = {"bad-request", "unauthenticated", "invalid-claim",
                "no-grants", "forbidden", "subject-blocked", "not-found", "method-not-allowed", "not-acceptable",
                "headers-too-large", "payload-too-large",
                "rate-limited", "policy-too-large", "sts-misconfigured", "internal", "sts-error", "sts-throttled",
                "sts-unavailable", "shared-cache-unavailable"}) String code,
        @Schema(description = "Safe detail sentence, when there is one") String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(ErrorCode error, String detail) {
        return new Problem("urn:stsvend:problem:" + error.code(), error.title(), error.status(), error.code(), detail);
    }
}
