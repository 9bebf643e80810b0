package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.wire.QueryPairs;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the parameters of an RPC request (spec §2.3): the decoded query string plus, when the body is
 * {@code application/x-www-form-urlencoded}, the decoded form fields. {@code +} decodes to a space, as form
 * encoding and Python's {@code parse_qsl} do. A name given twice (in the query, the body, or both) is refused
 * rather than guessed at, since the signature would be ambiguous.
 */
final class RpcParameters {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private RpcParameters() {
    }

    /**
     * @param rawQuery    the undecoded query string, or null
     * @param contentType the request's Content-Type header, or null when absent (e.g. a bodiless GET)
     * @param body        the request body as UTF-8 text (empty when none)
     * @throws StsRejection InvalidParameter.ContentType for a Content-Type that is neither form nor JSON;
     *                      InvalidParameter for bad percent-escapes or repeated names
     */
    static Map<String, String> collect(String rawQuery, String contentType, String body) {
        String mediaType = mediaType(contentType);
        if (mediaType != null && !mediaType.equals(FORM) && !mediaType.equals(JSON)) {
            throw StsError.INVALID_CONTENT_TYPE.reject();
        }
        Map<String, String> params = new HashMap<>();
        addDecoded(rawQuery, params);
        if (FORM.equals(mediaType)) {
            addDecoded(body, params);
        }
        return params;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static void addDecoded(String encoded, Map<String, String> into) {
        QueryPairs.forEach(encoded, RpcParameters::decode, (name, value) -> {
            if (into.putIfAbsent(name, value) != null) {
                throw StsError.INVALID_PARAMETER.reject(name);
            }
        });
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StsError.INVALID_PARAMETER.reject("encoding");
        }
    }
}
