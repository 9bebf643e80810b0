package io.stsvend.upload;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The public keys upload callbacks are signed with, fetched from allow-listed URLs only. Contract: a URL that starts
 * with none of {@link CallbackConfig}'s prefixes is never fetched ({@link #allowed}); a fetch is asynchronous (the JDK
 * client's own threads, never the caller's event loop), limited to {@link CallbackConfig#keyFetchTimeout()} and at
 * most {@value #MAX_BODY} bytes; successes are cached ({@value #MAX_KEYS} URLs, {@value #TTL_HOURS} h), failures are
 * not, and concurrent loads of one URL share one fetch.
 */
@ApplicationScoped
public class CallbackPublicKeys {

    static final int MAX_KEYS = 32;
    static final int MAX_BODY = 16 * 1024;
    static final long TTL_HOURS = 24;

    private final List<String> prefixes;
    private final Duration timeout;
    private final HttpClient http;
    private final AsyncLoadingCache<String, PublicKey> keys;

    @Inject
    public CallbackPublicKeys(CallbackConfig config) {
        this.prefixes = Stream.concat(config.publicKeyUrlPrefixes().stream(),
                config.extraPublicKeyUrlPrefixes().orElse(List.of()).stream()).toList();
        this.timeout = config.keyFetchTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.keys = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(Duration.ofHours(TTL_HOURS))
                .buildAsync((url, executor) -> fetch(url));
    }

    /** True if {@code url} starts with an allow-listed prefix (and is a plain http(s) URL). */
    public boolean allowed(String url) {
        return !url.contains("..") && !url.contains("@") && prefixes.stream().anyMatch(url::startsWith);
    }

    /** The key at an allowed URL; fails for a URL that is not allowed, unreachable, slow, or not an RSA PEM. */
    public CompletableFuture<PublicKey> get(String url) {
        if (!allowed(url)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("public key URL not allowed"));
        }
        return keys.get(url);
    }

    private CompletableFuture<PublicKey> fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200 || response.body().length() > MAX_BODY) {
                throw new IllegalStateException("public key fetch answered " + response.statusCode());
            }
            return parse(response.body());
        });
    }

    static PublicKey parse(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not an RSA public key PEM", e);
        }
    }
}
