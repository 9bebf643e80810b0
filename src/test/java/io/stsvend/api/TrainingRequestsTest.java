package io.stsvend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The training run's requests: what a fresh pod is asked first, every round, none with a token that verifies. */
class TrainingRequestsTest {

    @Test
    void sendsTheProbesAScrapeAndRefusedCredentialRequestsEveryRound() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger notReadyYet = new AtomicInteger(2);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getPath();
            seen.add(path + " " + (auth == null ? "-" : auth.split(" ")[0]));
            int status = !path.equals("/q/health/ready") ? 401 : notReadyYet.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            int answered = TrainingRequests.send(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

            assertEquals(TrainingRequests.ROUNDS * TrainingRequests.REQUESTS.size(), answered);
            // Readiness is asked until it answers 200 (here: the third time), and only then the rounds begin.
            List<String> waited = seen.stream().limit(3).toList();
            assertEquals(List.of("/q/health/ready -", "/q/health/ready -", "/q/health/ready -"), waited);
            List<String> firstRound = seen.stream().skip(3).limit(TrainingRequests.REQUESTS.size()).toList();
            assertEquals(List.of("/q/health/live -", "/q/health/ready -", "/q/metrics -", "/credentials -",
                    "/credentials Bearer", "/credentials Bearer"), firstRound);
        } finally {
            server.stop(0);
        }
    }
}
