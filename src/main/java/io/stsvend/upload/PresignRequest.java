package io.stsvend.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /uploads/presign}. {@code bucket} may be left out when the caller's grants name only one
 * bucket for the method; {@code signatureVersion} is {@code V4} (default) or {@code V1}.
 */
@Schema(name = "PresignRequest")
public record PresignRequest(
        @Schema(example = "app-bucket") String bucket,
        @Schema(required = true, example = "users/alice/photo.jpg") String key,
        @Schema(required = true, enumeration = {"GET", "PUT"}) String method,
        @Schema(description = "Requested lifetime; capped by configuration and the credentials' expiry") Long expiresInSeconds,
        @Schema(description = "Content-Type the PUT must send (signed)") String contentType,
        @Schema(enumeration = {"V4", "V1"}) String signatureVersion) {
}
