package io.stsvend.cloudbox.oss;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.util.Map;

/**
 * One addressed OSS request: which bucket and raw object key it targets (key empty for bucket-level requests), its
 * decoded query parameters, headers (case-insensitive), the client's address and the complete body.
 */
record OssRequest(String method, OssBucket bucket, String key, Map<String, String> query, MultiMap headers,
                  String host, String sourceIp, boolean secure, Buffer body) {

    /** This request with its body, once read. */
    OssRequest withBody(Buffer read) {
        return new OssRequest(method, bucket, key, query, headers, host, sourceIp, secure, read);
    }

    boolean isObjectRequest() {
        return !key.isEmpty();
    }

    boolean has(String queryParameter) {
        return query.containsKey(queryParameter);
    }

    String param(String queryParameter) {
        return query.get(queryParameter);
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The header value trimmed, or "" when absent (the form both signature versions use). */
    String headerOrEmpty(String name) {
        String value = headers.get(name);
        return value == null ? "" : value.trim();
    }
}
