package io.stsvend.cloudbox.oss;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers: status, headers and an optional body. For HEAD, the emulator writes the headers
 * (including an explicit Content-Length) and no body.
 */
final class OssResponse {

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    Buffer body;
    /** The object an upload stored (PutObject, CompleteMultipartUpload), for its callback; otherwise null. */
    StoredObject stored;

    private OssResponse(int status) {
        this.status = status;
    }

    static OssResponse status(int status) {
        return new OssResponse(status);
    }

    static OssResponse xml(int status, String xml) {
        OssResponse response = new OssResponse(status);
        response.headers.put("Content-Type", "application/xml");
        response.body = Buffer.buffer(xml.getBytes(StandardCharsets.UTF_8));
        return response;
    }

    OssResponse header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    OssResponse stored(StoredObject object) {
        this.stored = object;
        return this;
    }

    OssResponse body(Buffer content) {
        this.body = content;
        return this;
    }
}
