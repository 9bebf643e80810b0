package io.stsvend.upload;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A presigned URL for one object: anyone holding it may do {@code method} on the object until {@code expiresAt},
 * sending {@code headers} as given. It carries the STS token, so it is as sensitive as the object itself.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "PresignedUrl")
public record PresignedUrl(String url, String method, String bucket, String key,
                           @Schema(description = "UTC, yyyy-MM-ddTHH:mm:ssZ") String expiresAt,
                           String signatureVersion, Map<String, String> headers) {

    @Override
    public String toString() {
        return "PresignedUrl[" + method + " " + bucket + "/" + key + ", expiresAt=" + expiresAt + "]";
    }
}
