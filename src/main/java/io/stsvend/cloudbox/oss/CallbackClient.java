package io.stsvend.cloudbox.oss;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Sends upload callbacks as OSS does (spec §6.2), without blocking: a POST of the rendered body to each callback URL
 * in turn until one succeeds, each attempt limited to {@link #TIMEOUT_MS} in total and never retried. The request
 * carries {@code authorization} = Base64(MD5withRSA over {@code urlDecode(path) + ("?" + query if any) + "\n" +
 * body}) and {@code x-oss-pub-key-url} = Base64 of the emulator's public key URL. Success is a 200 whose body is JSON
 * (at most {@link #MAX_RESPONSE_BYTES}); it is relayed to the uploader as the upload's response
 * ({@code Content-Type: application/json}). Otherwise the result fails with 203 {@code CallbackFailed}; the object is
 * stored either way.
 */
final class CallbackClient {

    static final long TIMEOUT_MS = 5000;
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(CallbackClient.class);

    private final Vertx vertx;
    private final HttpClient http;
    private final CallbackKeys keys;

    CallbackClient(Vertx vertx, CallbackKeys keys) {
        this.vertx = vertx;
        this.keys = keys;
        // Callback receivers in local development commonly use self-signed certificates; this is an emulator.
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MS)
                .setKeepAlive(false).setTrustAll(true).setVerifyHost(false));
    }

    /** The upload's response: the callback server's JSON, or a failed future with 203 CallbackFailed. */
    Future<OssResponse> deliver(CallbackParameters callback, String bucket, StoredObject object) {
        Buffer body = Buffer.buffer(callback.render(bucket, object), "UTF-8");
        return keys.ready(vertx).compose(ready -> attempt(callback, callback.urls(), 0, body)).map(json -> OssResponse.status(200)
                .header("Content-Type", "application/json").header("ETag", object.quotedEtag())
                .header("x-oss-hash-crc64ecma", Long.toUnsignedString(object.crc64())).body(json));
    }

    Future<Void> close() {
        return http.close();
    }

    private Future<Buffer> attempt(CallbackParameters callback, List<URI> urls, int index, Buffer body) {
        return post(callback, urls.get(index), body).recover(failure -> index + 1 < urls.size()
                ? attempt(callback, urls, index + 1, body) : Future.failedFuture(failure));
    }

    private Future<Buffer> post(CallbackParameters callback, URI url, Buffer body) {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String stringToSign = URLDecoder.decode(path, StandardCharsets.UTF_8) + query + "\n"
                + body.toString(StandardCharsets.UTF_8);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setSsl(https)
                .setServer(SocketAddress.inetSocketAddress(port, url.getHost()))
                .setHost(callback.host().orElse(url.getHost())).setPort(port).setURI(path + query)
                .putHeader("Content-Type", callback.body().contentType())
                .putHeader("authorization", keys.sign(stringToSign))
                .putHeader("x-oss-pub-key-url", Base64.getEncoder().encodeToString(
                        keys.publicKeyUrl().toString().getBytes(StandardCharsets.UTF_8)));
        return http.request(options).compose(request -> {
            long timer = vertx.setTimer(TIMEOUT_MS, id -> request.reset());
            return request.send(body).compose(response -> response.body().compose(answer -> {
                if (response.statusCode() != 200) {
                    return Future.failedFuture(failed("Error status : " + response.statusCode() + "."));
                }
                return isJson(answer) ? Future.succeededFuture(answer)
                        : Future.failedFuture(failed("Response body is not valid json format."));
            })).onComplete(done -> vertx.cancelTimer(timer));
        }).recover(failure -> {
            LOG.debugf("upload callback to %s:%d failed: %s", url.getHost(), port, failure.toString());
            return Future.failedFuture(failure instanceof OssException ? failure : failed(
                    "Error status : -1. OSS can not connect to your callbackUrl, please check it."));
        });
    }

    private static boolean isJson(Buffer answer) {
        if (answer.length() == 0 || answer.length() > MAX_RESPONSE_BYTES) {
            return false;
        }
        try {
            Json.decodeValue(answer);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static OssException failed(String message) {
        return new OssException(OssErrorCode.CALLBACK_FAILED, message);
    }
}
