package io.stsvend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training run's requests: what a fresh pod is asked first, every round, none with a token that verifies. */
class TrainingRequestsTest {

    static final String WARMING = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"warmup\",\"status\":\"DOWN\"},"
            + "{\"name\":\"sts\",\"status\":\"UP\"},{\"name\":\"jwks\",\"status\":\"DOWN\"}]}";
    static final String WARM_WITHOUT_KEYS = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"warmup\",\"status\":\"UP\"},"
            + "{\"name\":\"sts\",\"status\":\"UP\"},{\"name\":\"jwks\",\"status\":\"DOWN\"}]}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"checks\":[{\"name\":\"warmup\",\"status\":\"UP\"},{\"name\":\"sts\",\"status\":\"UP\"}]} | true",
        "{\"checks\":[{\"name\":\"warmup\",\"status\":\"UP\"},{\"name\":\"sts\",\"status\":\"DOWN\"}]} | false",
        "{\"checks\":[{\"name\":\"warmup\",\"status\":\"UP\"}]} | false",
        "{\"status\":\"UP\"} | false",
        "not json | false",
        "'' | false",
    })
    void theWarmUpsAreJudgedByTheirOwnEntries(String body, boolean warmedUp) {
        assertEquals(warmedUp, TrainingRequests.warmedUp(body));
    }

    @Test
    void sendsTheProbesAScrapeAndRefusedCredentialRequestsEveryRound() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger notReadyYet = new AtomicInteger(2);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getPath();
            seen.add(path + " " + (auth == null ? "-" : auth.split(" ")[0]));
            if (path.equals("/q/health/ready")) {
                // Twice still warming up; then the warm-ups are UP while the key set never loads (the image's run).
                byte[] body = (notReadyYet.getAndDecrement() > 0 ? WARMING : WARM_WITHOUT_KEYS)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            int answered = TrainingRequests.send(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

            assertEquals(TrainingRequests.ROUNDS * TrainingRequests.REQUESTS.size(), answered);
            // Readiness is asked until the warm-ups are UP (here: the third time), and only then the rounds begin.
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
