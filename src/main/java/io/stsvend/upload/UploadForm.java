package io.stsvend.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A signed PostObject form: post {@code fields} in order, then the file as the last field {@code file}, as
 * {@code multipart/form-data} to {@code url} before {@code expiresAt}. With a key prefix, {@code fields.key} holds the
 * prefix and the client appends the object's name. The fields carry the STS token, so they are as sensitive as the
 * upload right they grant.
 */
@Schema(name = "UploadForm")
public record UploadForm(String url,
                         @Schema(description = "Form fields in the order to send them") Map<String, String> fields,
                         @Schema(description = "UTC, yyyy-MM-ddTHH:mm:ssZ") String expiresAt) {

    @Override
    public String toString() {
        return "UploadForm[" + url + ", key=" + fields.get("key") + ", expiresAt=" + expiresAt + "]";
    }
}
