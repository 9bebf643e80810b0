package io.stsvend.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code callback} parameter of an upload (spec §6.1): Base64 JSON telling OSS to POST the stored object's
 * bucket, key, ETag, size and MIME type and the form's {@link CallbackBinding}, form-encoded, to this service's
 * {@code /oss/callback}.
 */
final class CallbackParameter {

    static final String BODY = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
            + "&binding=${" + CallbackBinding.VARIABLE + "}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CallbackParameter() {
    }

    static String of(URI callbackUrl) {
        ObjectNode callback = JSON.createObjectNode()
                .put("callbackUrl", callbackUrl.toString())
                .put("callbackBody", BODY)
                .put("callbackBodyType", "application/x-www-form-urlencoded");
        return Base64.getEncoder().encodeToString(callback.toString().getBytes(StandardCharsets.UTF_8));
    }
}
