package io.stsvend.api;

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
import java.util.List;

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
    /** Longest the training run waits for readiness before its requests, and how often it asks. */
    static final Duration READY_WITHIN = Duration.ofSeconds(30);
    static final Duration READY_POLL = Duration.ofMillis(20);
    /** Rounds of the requests: the first loads the classes, the rest give the interpreter's profiles a start. */
    static final int ROUNDS = 20;
    private static final Logger LOG = Logger.getLogger(TrainingRequests.class);

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
     * Waits until readiness answers 200 (the warm-ups run beside the start, and the cache must hold what they load),
     * at most {@link #READY_WITHIN}; then sends every request {@link #ROUNDS} times. The number answered.
     */
    static int send(URI base) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(TIMEOUT).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() - deadline > 0) {
                LOG.warn("Training run: the service did not become ready; the cache may miss the warm-ups' classes");
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
}
