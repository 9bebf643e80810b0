package io.stsvend.identity;

import io.stsvend.http.BoundedBody;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The identity provider's signing keys, fetched from its JWKS URL and held in memory. Looking a key up never waits
 * on the network: a lookup finds what the last successful fetch brought, and starts a background fetch when the set
 * is older than {@code refresh-interval}. A token with an unknown {@code kid} may start a fetch, at most once per
 * {@code unknown-kid-min-interval}, and only its own caller waits for it (at most {@code fetch-timeout}). While the
 * IdP is down or hanging the last keys stay in use; at most one fetch is in flight; the service starts without the
 * IdP and picks the keys up once it answers.
 */
@ApplicationScoped
public class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);
    /** A JWKS is a few KiB; a megabyte is far beyond any IdP's and still cheap to refuse. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_KEYS = 100;

    private final java.util.concurrent.Executor starter = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "stsvend-jwks-fetch");
                thread.setDaemon(true);
                return thread;
            });

    private final Optional<URI> url;
    private final JwksConfig config;
    private final Clock clock;
    /**
     * Built at the first fetch, on the fetch thread, the only thread that uses it: building one sets up the JDK's
     * TLS context and a selector thread, tens of milliseconds of the start's main thread, and with a static key
     * (local mode, tests) nothing is ever fetched. Volatile only so that {@link #httpClientBuilt()} sees it.
     */
    private volatile HttpClient http;
    private final AtomicLong fetches = new AtomicLong();

    private volatile KeySet keys = KeySet.NONE;
    private volatile Instant lastAttempt;
    private volatile Instant lastUnknownKidFetch;
    private volatile String lastProblem;
    /** Counts key sets that removed or replaced a key: a verification spanning a change must not be cached. */
    private final AtomicLong generation = new AtomicLong();
    private final List<java.util.function.Consumer<String>> removalListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private CompletableFuture<Boolean> inFlight;

    @Inject
    JwksKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location, JwksConfig config,
             Clock clock) {
        this(location.filter(l -> l.startsWith("https://") || l.startsWith("http://")).map(URI::create).orElse(null),
                config, clock);
    }

    /** Keys from {@code url}, or none (a static key is configured) when it is null. */
    public JwksKeys(URI url, JwksConfig config, Clock clock) {
        this.url = Optional.ofNullable(url);
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled()) {
            refresh();
        }
    }

    /** Whether keys come from a JWKS URL (otherwise smallrye-jwt's static key configuration applies). */
    public boolean enabled() {
        return url.isPresent();
    }

    /** The key with this id, from the keys in memory; may start a background refresh, never waits for one. */
    public Optional<PublicKey> key(String kid) {
        refreshIfDue();
        return Optional.ofNullable(keys.byKid().get(kid));
    }

    /** The only key of a set whose keys have no ids, for tokens without {@code kid}. */
    public Optional<PublicKey> soleKey() {
        refreshIfDue();
        KeySet current = keys;
        return current.byKid().isEmpty() && current.unnamed().size() == 1
                ? Optional.of(current.unnamed().get(0)) : Optional.empty();
    }

    /**
     * Completes with whether {@code kid} is known after a fetch this caller may start (rate-limited across all
     * unknown kids) or join; completes with {@code false} at once when the rate limit allows no fetch now.
     * Never completes later than {@code fetch-timeout}.
     */
    public CompletableFuture<Boolean> awaitKey(String kid) {
        if (keys.byKid().containsKey(kid)) {
            return CompletableFuture.completedFuture(true);
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (inFlight == null && lastUnknownKidFetch != null
                    && now.isBefore(lastUnknownKidFetch.plus(config.unknownKidMinInterval()))) {
                return CompletableFuture.completedFuture(false);
            }
            if (inFlight == null) {
                lastUnknownKidFetch = now;
            }
        }
        return refresh().thenApply(ok -> keys.byKid().containsKey(kid));
    }

    /** Fetches the key set unless a fetch is in flight (then joins it); completes with whether it succeeded. */
    public synchronized CompletableFuture<Boolean> refresh() {
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        if (inFlight != null) {
            return inFlight;
        }
        lastAttempt = clock.instant();
        fetches.incrementAndGet();
        // Callers see the fetch complete only after it is no longer in flight, so they can start the next one.
        CompletableFuture<Boolean> done = fetch(url.get()).whenComplete((ok, failure) -> {
            synchronized (this) {
                inFlight = null;
            }
        });
        inFlight = done.isDone() ? null : done;
        return done;
    }

    private CompletableFuture<Boolean> fetch(URI from) {
        HttpRequest request = HttpRequest.newBuilder(from).timeout(config.fetchTimeout())
                .header("Accept", "application/json").GET().build();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        // Started on a thread of its own: sendAsync may resolve the host name on the calling thread, which can be
        // a Vert.x event loop (a lookup that triggers a refresh).
        AtomicReference<CompletableFuture<?>> started = new AtomicReference<>();
        CompletableFuture<?> exchange = CompletableFuture.supplyAsync(() -> {
            var sent = http().sendAsync(request, info -> new BoundedBody(MAX_BYTES));
            started.set(sent);
            return sent;
        }, starter).thenCompose(sent -> sent).thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the JWKS URL answered HTTP " + response.statusCode());
                    }
                    publish(parse(new String(response.body(), StandardCharsets.UTF_8), clock.instant()));
                    lastProblem = null;
                    result.complete(true);
                });
        exchange.orTimeout(config.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure != null) {
                CompletableFuture<?> sent = started.get();
                if (sent != null) {
                    sent.cancel(true);
                }
                String problem = describe(failure);
                if (!problem.equals(lastProblem)) {
                    LOG.warnf("Could not refresh the identity provider's keys (%s); keeping %d known key(s)", problem,
                            keys.size());
                }
                lastProblem = problem;
                result.complete(false);
            }
        });
        return result;
    }

    /** The fetch thread's HTTP client (see {@link #http}); called only on that thread. */
    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    /** Whether an HTTP client was ever built (tests: a static key needs none). */
    boolean httpClientBuilt() {
        return http != null;
    }

    /**
     * Calls {@code listener} with the {@code kid} (null: the sole key without one) of every key that a refresh
     * removes or replaces with other key material, after the new set is in use.
     */
    public void onKeyRemoved(java.util.function.Consumer<String> listener) {
        removalListeners.add(listener);
    }

    /** Changes whenever a refresh removed or replaced a key; read it before and after a verification. */
    public long generation() {
        return generation.get();
    }

    private void publish(KeySet next) {
        KeySet previous = keys;
        List<String> removed = new java.util.ArrayList<>();
        previous.byKid().forEach((kid, key) -> {
            if (!key.equals(next.byKid().get(kid))) {
                removed.add(kid);
            }
        });
        if (!previous.unnamed().isEmpty() && !previous.unnamed().equals(next.unnamed())) {
            removed.add(null);
        }
        // New keys first, then the generation, then the invalidation: see VerifiedTokens.put for why this order.
        keys = next;
        if (!removed.isEmpty()) {
            generation.incrementAndGet();
            for (String kid : removed) {
                removalListeners.forEach(listener -> listener.accept(kid));
            }
        }
    }

    private static KeySet parse(String json, Instant now) {
        try {
            List<JsonWebKey> all = new JsonWebKeySet(json).getJsonWebKeys();
            if (all.size() > MAX_KEYS) {
                throw new IllegalStateException("the JWKS has more than " + MAX_KEYS + " keys");
            }
            Map<String, PublicKey> byKid = new HashMap<>();
            List<PublicKey> unnamed = new java.util.ArrayList<>();
            for (JsonWebKey key : all) {
                if (key instanceof PublicJsonWebKey pub && !"enc".equals(key.getUse())) {
                    if (key.getKeyId() == null) {
                        unnamed.add(pub.getPublicKey());
                    } else {
                        byKid.put(key.getKeyId(), pub.getPublicKey());
                    }
                }
            }
            return new KeySet(Map.copyOf(byKid), List.copyOf(unnamed), now);
        } catch (JoseException e) {
            throw new IllegalStateException("the JWKS is not a valid key set");
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + "stsvend.jwks.fetch-timeout";
        }
        if (cause instanceof IllegalStateException || cause instanceof IOException) {
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }

    /** Starts a background fetch when the set is due; never waits. Also for requests that verify nothing. */
    void refreshIfDue() {
        if (url.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant fetched = keys.fetchedAt();
        Instant attempted = lastAttempt;
        boolean stale = fetched == null || !now.isBefore(fetched.plus(config.refreshInterval()));
        boolean mayRetry = attempted == null || !now.isBefore(attempted.plus(config.unknownKidMinInterval()));
        if (stale && mayRetry) {
            refresh();
        }
    }

    /** What readiness reports: whether keys were ever loaded, how many, how old, and the last problem. */
    public State state() {
        KeySet current = keys;
        Duration age = current.fetchedAt() == null ? null : Duration.between(current.fetchedAt(), clock.instant());
        return new State(current.fetchedAt() != null, current.size(), Optional.ofNullable(age),
                Optional.ofNullable(lastProblem), fetches.get());
    }

    /** Readiness data; {@code fetches} counts every fetch started. */
    public record State(boolean loaded, int keys, Optional<Duration> age, Optional<String> problem, long fetches) {
    }

    private record KeySet(Map<String, PublicKey> byKid, List<PublicKey> unnamed, Instant fetchedAt) {
        static final KeySet NONE = new KeySet(Map.of(), List.of(), null);

        int size() {
            return byKid.size() + unnamed.size();
        }
    }
}
