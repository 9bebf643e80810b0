package io.stsvend.upload;

import io.stsvend.http.BoundedBody;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The public keys upload callbacks are signed with, fetched from allow-listed URLs only. Contract: a URL that starts
 * with none of {@link CallbackConfig}'s prefixes (https only, unless {@link CallbackConfig#allowHttpKeyUrls()}; local
 * mode's own prefixes may be http) is never fetched ({@link #allowed}); a fetch is asynchronous (the JDK client's own
 * threads, never the caller's event loop), must finish, body included, within {@link CallbackConfig#keyFetchTimeout()}
 * and is abandoned after {@value #MAX_BODY} bytes; at most {@value #MAX_CONCURRENT_FETCHES} fetches run at once (a
 * further one fails at once); successes are cached ({@value #MAX_KEYS} URLs, {@value #TTL_HOURS} h), failures for
 * {@link #FAILURE_TTL}, and concurrent loads of one URL share one fetch.
 */
@ApplicationScoped
public class CallbackPublicKeys {

    static final int MAX_KEYS = 32;
    static final int MAX_BODY = 16 * 1024;
    static final long TTL_HOURS = 24;
    static final int MAX_CONCURRENT_FETCHES = 4;
    static final Duration FAILURE_TTL = Duration.ofSeconds(30);

    private final List<String> prefixes;
    private final Duration timeout;
    private final HttpClient http;
    private final Semaphore fetches = new Semaphore(MAX_CONCURRENT_FETCHES);
    private final Cache<String, PublicKey> keys;
    private final Cache<String, Boolean> failures;
    private final ConcurrentMap<String, CompletableFuture<PublicKey>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public CallbackPublicKeys(CallbackConfig config) {
        this(config, Ticker.systemTicker());
    }

    CallbackPublicKeys(CallbackConfig config, Ticker ticker) {
        this.prefixes = Stream.concat(config.publicKeyUrlPrefixes().stream()
                        .filter(p -> p.startsWith("https://") || config.allowHttpKeyUrls()),
                config.extraPublicKeyUrlPrefixes().orElse(List.of()).stream()).toList();
        this.timeout = config.keyFetchTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.keys = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(Duration.ofHours(TTL_HOURS))
                .ticker(ticker).build();
        this.failures = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(FAILURE_TTL).ticker(ticker).build();
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
        if (failures.getIfPresent(url) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("public key fetch failed recently"));
        }
        PublicKey cached = keys.getIfPresent(url);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        // One fetch per URL at a time; callers that arrive meanwhile share it. The fetch starts outside the map's
        // lock, since it may complete (and clean up) at once.
        CompletableFuture<PublicKey> loaded = new CompletableFuture<>();
        CompletableFuture<PublicKey> shared = inFlight.putIfAbsent(url, loaded);
        if (shared != null) {
            return shared;
        }
        load(url, loaded);
        return loaded;
    }

    private void load(String url, CompletableFuture<PublicKey> loaded) {
        fetch(url).whenComplete((key, failure) -> {
            if (failure == null) {
                keys.put(url, key);
            } else {
                failures.put(url, Boolean.TRUE);
            }
            inFlight.remove(url, loaded);
            if (failure == null) {
                loaded.complete(key);
            } else {
                loaded.completeExceptionally(failure);
            }
        });
    }

    private CompletableFuture<PublicKey> fetch(String url) {
        if (!fetches.tryAcquire()) {
            return CompletableFuture.failedFuture(new IllegalStateException("too many public key fetches at once"));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        BoundedBody body = new BoundedBody(MAX_BODY);
        var exchange = http.sendAsync(request, info -> info.statusCode() == 200 ? body
                : BoundedBody.refused("public key fetch answered " + info.statusCode()));
        // The request timeout ends at the response headers; this deadline also covers a body that trickles.
        return exchange.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> {
                    fetches.release();
                    if (failure != null) {
                        body.cancel();
                        exchange.cancel(true);
                    }
                })
                .thenApply(response -> parse(new String(response.body(), StandardCharsets.US_ASCII)));
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
