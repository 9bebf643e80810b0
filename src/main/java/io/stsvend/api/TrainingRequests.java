package io.stsvend.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.vertx.http.HttpServerStart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The training run that writes the image's JDK AOT cache ({@code -Dquarkus.appcds.generate=true},
 * src/main/docker/Dockerfile.jvm): once the HTTP server listens, sends it the requests a fresh pod gets first (the
 * probes, a metrics scrape, {@code /credentials} refused for a missing, a malformed and an unknown-key token), then
 * exits so that the JVM writes its cache. The cache then holds the HTTP stack's classes too: without them a fresh
 * process's first request loaded them and took about 0.2 s. None of these requests reaches STS (no token verifies);
 * what they answer does not matter. Outside a training run this does nothing.
 */
@ApplicationScoped
public class TrainingRequests {

    /** One request: a path, and the {@code Authorization} header it carries (empty: none). */
    record Request(String path, String authorization) {
    }

    static final List<Request> REQUESTS = List.of(
            new Request("/q/health/live", ""),
            new Request("/q/health/ready", ""),
            new Request("/q/metrics", ""),
            new Request("/credentials", ""),
            new Request("/credentials", "Bearer not.a.jwt"),
            new Request("/credentials", "Bearer " + RequestPathWarmup.TOKEN));
    /** Each request's deadline; the service is on loopback. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The readiness entries of the warm-ups that run beside the start. */
    static final Set<String> WARM_UPS = Set.of("warmup", "sts");
    /** Longest the training run waits for them before its requests, and how often it asks. */
    static final Duration READY_WITHIN = Duration.ofSeconds(30);
    static final Duration READY_POLL = Duration.ofMillis(20);
    /** Rounds of the requests: the first loads the classes, the rest give the interpreter's profiles a start. */
    static final int ROUNDS = 20;
    private static final Logger LOG = Logger.getLogger(TrainingRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;

    public TrainingRequests(@ConfigProperty(name = "quarkus.http.host") String host) {
        this.host = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    /** On a worker thread (an asynchronous event): the requests block. */
    void onListening(@ObservesAsync HttpServerStart start) {
        if (!ApplicationLifecycleManager.isAppCDSGeneration()) {
            return;
        }
        int port = start.options().getPort();
        try {
            if (port <= 0) {
                // Quarkus does not tell the chosen port here; the training runs name one.
                LOG.warn("Training run: quarkus.http.port is not fixed, no requests sent; the cache leaves the HTTP"
                        + " stack out");
                return;
            }
            int answered = send(URI.create("http://" + host + ":" + port));
            LOG.infof("Training run: %d requests answered; exiting so the JVM writes its class cache", answered);
        } catch (Exception e) {
            LOG.warnf("Training run: requests stopped early (%s); exiting so the JVM writes its class cache",
                    e.getClass().getSimpleName());
        } finally {
            Quarkus.asyncExit(0);
        }
    }

    /**
     * Waits until the readiness entries of the warm-ups that run beside the start ({@link #WARM_UPS}) are UP, at most
     * {@link #READY_WITHIN}, so the cache holds what they load; then sends every request {@link #ROUNDS} times. The
     * number answered. Not readiness as a whole: the image's training run names a key-set URL where nothing listens,
     * so its entry {@code jwks} stays DOWN.
     */
    static int send(URI base) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(TIMEOUT).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!warmedUp(client.send(ready, HttpResponse.BodyHandlers.ofString()).body())) {
            if (System.nanoTime() - deadline > 0) {
                LOG.warn("Training run: the warm-ups did not end in time; the cache may miss what they load");
                break;
            }
            Thread.sleep(READY_POLL.toMillis());
        }
        int answered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Request request : REQUESTS) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(TIMEOUT);
                if (!request.authorization().isEmpty()) {
                    builder.header("Authorization", request.authorization());
                }
                client.send(builder.build(), HttpResponse.BodyHandlers.discarding());
                answered++;
            }
        }
        return answered;
    }

    /** True when a readiness body reports every entry of {@link #WARM_UPS} UP. */
    static boolean warmedUp(String readinessBody) {
        Set<String> up = new HashSet<>();
        try {
            for (JsonNode check : JSON.readTree(readinessBody).path("checks")) {
                if ("UP".equals(check.path("status").asText())) {
                    up.add(check.path("name").asText());
                }
            }
        } catch (JsonProcessingException e) {
            return false;
        }
        return up.containsAll(WARM_UPS);
    }
}
