package io.stsvend.cloudbox.oss;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated upload callback request (spec §6.1): up to 5 http(s) URLs tried in order, the optional
 * {@code callbackHost}, the body template and its type, and the custom {@code x:} variables. Parsed before the upload
 * is stored, so an invalid callback (not Base64 or JSON, over 5 KB, no URL, more than 5 URLs, a bad URL or port, an
 * empty body, an unknown body type, a malformed {@code ${...}}) is 400 InvalidArgument and nothing is written.
 */
record CallbackParameters(List<URI> urls, Optional<String> host, CallbackBody body, Map<String, String> variables) {

    static final int MAX_ENCODED_LENGTH = 5 * 1024;
    private static final int MAX_URLS = 5;

    /**
     * The callback of a PutObject or CompleteMultipartUpload: header {@code x-oss-callback}/{@code x-oss-callback-var}
     * or query {@code callback}/{@code callback-var}, never both.
     */
    static Optional<CallbackParameters> of(OssRequest request) {
        boolean header = request.header("x-oss-callback") != null;
        boolean query = request.has("callback");
        if (header && query) {
            throw invalid("The callback must be passed either in headers or in the query, not both.");
        }
        if (!header && !query) {
            return Optional.empty();
        }
        String callback = header ? request.header("x-oss-callback") : request.param("callback");
        String variables = header ? request.header("x-oss-callback-var") : request.param("callback-var");
        return Optional.of(parse(callback, variables == null ? Map.of() : variables(variables)));
    }

    /** @param variables custom variables, names starting with {@code x:} (others are ignored) */
    static CallbackParameters parse(String callbackBase64, Map<String, String> variables) {
        JsonObject json = decode(callbackBase64, "callback");
        if (!(json.getValue("callbackUrl") instanceof String urlList) || urlList.isBlank()) {
            throw invalid("The callbackUrl is required.");
        }
        if (!(json.getValue("callbackBody") instanceof String template) || template.isEmpty()) {
            throw invalid("The callbackBody is required.");
        }
        Object host = json.getValue("callbackHost");
        Object type = json.getValue("callbackBodyType");
        if (host != null && !(host instanceof String) || type != null && !(type instanceof String)) {
            throw invalid("callbackHost and callbackBodyType must be strings.");
        }
        Map<String, String> custom = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (name.startsWith("x:")) {
                custom.put(name, value);
            }
        });
        return new CallbackParameters(urls(urlList), Optional.ofNullable((String) host).filter(h -> !h.isBlank()),
                CallbackBody.of(template, (String) type), Map.copyOf(custom));
    }

    /** The Base64 JSON object of {@code callback-var}: string values by variable name. */
    static Map<String, String> variables(String base64) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : decode(base64, "callback-var")) {
            if (!(entry.getValue() instanceof String value)) {
                throw invalid("The callback-var values must be strings.");
            }
            variables.put(entry.getKey(), value);
        }
        return variables;
    }

    /** The request body the callback server receives for this upload. */
    String render(String bucket, StoredObject object) {
        return body.render(bucket, object, variables);
    }

    private static JsonObject decode(String base64, String what) {
        if (base64.length() > MAX_ENCODED_LENGTH) {
            throw invalid("The " + what + " is too long.");
        }
        String json;
        try {
            json = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The " + what + " is not base64 encoded.");
        }
        try {
            return new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            throw invalid("The " + what + " is not json format.");
        }
    }

    private static List<URI> urls(String list) {
        List<URI> urls = new ArrayList<>();
        for (String candidate : list.split(";")) {
            if (!candidate.isBlank()) {
                urls.add(url(candidate.trim()));
            }
        }
        if (urls.isEmpty() || urls.size() > MAX_URLS) {
            throw invalid("The callbackUrl must name 1 to " + MAX_URLS + " URLs.");
        }
        return List.copyOf(urls);
    }

    private static URI url(String text) {
        try {
            // OSS accepts URLs without a scheme ("host:port/path") as http.
            URI url = new URI(text.contains("://") ? text : "http://" + text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                    && url.getPort() >= -1 && url.getPort() != 0 && url.getPort() <= 65535) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid("The callbackUrl is invalid.");
    }

    static OssException invalid(String message) {
        return new OssException(OssErrorCode.INVALID_ARGUMENT, message);
    }
}
