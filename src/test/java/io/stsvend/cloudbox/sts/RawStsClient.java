package io.stsvend.cloudbox.sts;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Hand-built RPC requests signed with {@link RpcSignature}, for what the SDK cannot be made to send. */
final class RawStsClient {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    RawStsClient(int port) {
        this.port = port;
    }

    /** The common parameters of a GetCallerIdentity call by the fixture's RAM user, unsigned. */
    static Map<String, String> callerIdentity(Instant timestamp) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "GetCallerIdentity");
        params.put("Version", "2015-04-01");
        params.put("Format", "JSON");
        params.put("AccessKeyId", StsEmulatorFixture.ACCESS_KEY_ID);
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", UUID.randomUUID().toString().replace("-", ""));
        params.put("Timestamp", TIMESTAMP.format(timestamp));
        return params;
    }

    /** Adds the Signature the fixture's RAM user would compute for these parameters. */
    static Map<String, String> signed(String method, Map<String, String> params) {
        return signed(method, params, StsEmulatorFixture.ACCESS_KEY_SECRET);
    }

    /** Adds the Signature computed with {@code accessKeySecret} (e.g. a temporary key's). */
    static Map<String, String> signed(String method, Map<String, String> params, String accessKeySecret) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put(RpcSignature.SIGNATURE, RpcSignature.sign(accessKeySecret, RpcSignature.stringToSign(method, params)));
        return signed;
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> RpcSignature.percentEncode(e.getKey()) + "=" + RpcSignature.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** POSTs the parameters in the query string with an empty form body, as the Java SDK does. */
    HttpResponse<String> post(Map<String, String> params) throws Exception {
        return send("POST", "/?" + encode(params), "application/x-www-form-urlencoded", "");
    }

    HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    static String code(HttpResponse<String> response) {
        return json(response).getString("Code");
    }
}
