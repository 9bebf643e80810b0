package io.stsvend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

/** The training run's requests: what a fresh pod is asked first, every round, none with a token that verifies. */
class TrainingRequestsTest {

    @Test
    void sendsTheProbesAScrapeAndRefusedCredentialRequestsEveryRound() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(exchange.getRequestURI().getPath() + " " + (auth == null ? "-" : auth.split(" ")[0]));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            int answered = TrainingRequests.send(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

            assertEquals(TrainingRequests.ROUNDS * TrainingRequests.REQUESTS.size(), answered);
            List<String> firstRound = seen.stream().limit(TrainingRequests.REQUESTS.size()).toList();
            assertEquals(List.of("/q/health/live -", "/q/health/ready -", "/q/metrics -", "/credentials -",
                    "/credentials Bearer", "/credentials Bearer"), firstRound);
        } finally {
            server.stop(0);
        }
    }
}
