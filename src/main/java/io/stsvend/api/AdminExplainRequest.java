package io.stsvend.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * The body of {@code POST /admin/explain}: the claim set to explain ({@code sub} required) and an optional question.
 */
@Schema(description = "Claims to explain and an optional action/resource question.")
// Read by our own JsonMapper, not by RESTEasy: the native build must be told.
@RegisterForReflection
public record AdminExplainRequest(
        @Schema(required = true, description = "JWT claims as the identity provider would send them; sub is required")
        Map<String, Object> claims,
        @Schema(description = "A concrete RAM action, e.g. oss:GetObject") String action,
        @Schema(description = "An ARN, e.g. acs:oss:*:*:app-bucket/users/alice/x.txt") String resource,
        @Schema(description = "For oss:ListObjects: the listing prefix") String prefix) {

    /** More claims than any real token carries; bounds the work one request can cause. */
    static final int MAX_CLAIMS = 100;
    /** Far above a real token's claims (whose header is capped at 8 KiB), in characters. */
    static final int MAX_BODY = 65_536;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Parses the body strictly: one JSON object, only the four members above, no duplicates.
     *
     * @throws CodedException {@link ErrorCode#BAD_REQUEST} saying what is wrong, never quoting the body
     */
    static AdminExplainRequest parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_BODY) {
            throw bad("The body must be a JSON object of at most " + MAX_BODY + " characters.");
        }
        try {
            AdminExplainRequest body = JSON.readValue(text, AdminExplainRequest.class);
            if (body == null || body.claims() == null) {
                throw bad("The body must be a JSON object with a claims object.");
            }
            if (body.claims().size() > MAX_CLAIMS) {
                throw bad("claims may have at most " + MAX_CLAIMS + " members.");
            }
            return body;
        } catch (JacksonException e) {
            // Jackson's message quotes the input; say only what the body must look like.
            throw bad("The body must be a JSON object {claims: {...}, action?, resource?, prefix?} with string"
                    + " action, resource and prefix.");
        }
    }

    private static CodedException bad(String detail) {
        return new CodedException(ErrorCode.BAD_REQUEST, detail);
    }
}
