package io.stsvend.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /uploads/form}: exactly one of {@code key} (one object) or {@code keyPrefix} (any object
 * under it). {@code bucket} may be left out when the caller's grants allow writing in one bucket only.
 */
@Schema(name = "FormRequest")
public record FormRequest(
        @Schema(example = "app-bucket") String bucket,
        @Schema(example = "users/alice/photo.jpg") String key,
        @Schema(example = "users/alice/photos/") String keyPrefix,
        @Schema(description = "Largest file in bytes; capped by stsvend.uploads.max-form-bytes") Long maxBytes,
        @Schema(description = "Allowed values of the form's Content-Type field; the form must then send one")
        List<String> contentTypes,
        @Schema(description = "Requested lifetime; capped by configuration and the credentials' expiry")
        Long expiresInSeconds,
        @Schema(description = "Ask OSS to notify this service (POST /oss/callback) when the upload is stored; OSS then"
                + " relays the service's answer to the uploader; 400 while stsvend.callback.url is not configured")
        Boolean callback) {
}
