package io.stsvend.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stsvend.testing.Parallel;
import io.stsvend.testing.RedisServer;
import io.stsvend.testing.ServiceProcess;
import io.stsvend.testing.ReplicaSet;
import io.stsvend.testing.SharedCacheDeployment;
import io.stsvend.testing.StandaloneSts;
import io.stsvend.testing.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8 with real processes: three copies of the packaged application (prod profile, local mode off, as three
 * pods would run) share one {@code redis-server} and one STS emulator outside all of them, which counts every
 * AssumeRole. Requests are spread round-robin over the three, as a Kubernetes Service would spread them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class ReplicasShareRedisIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static SharedCacheDeployment deployment;
    static RedisServer redis;
    static StandaloneSts sts;
    static ReplicaSet replicas;
    static final Set<String> vendedSecrets = new HashSet<>();

    @BeforeAll
    static void startRedisStsAndThreeReplicas() {
        deployment = SharedCacheDeployment.start("replica", 3, Duration.ofMillis(50), Map.of());
        redis = deployment.redis();
        sts = deployment.sts();
        replicas = deployment.replicas();
        warmUpEachReplica();
    }

    /**
     * A fresh JVM's first requests load and link the whole request path (seconds of class loading on a busy
     * machine, with its event loop held), and a Redis answer that arrives after {@code operation-timeout} is, by
     * design, a per-replica fallback: one extra AssumeRole per stalled replica. The promise under test is the
     * single flight of warm replicas, so each replica serves one user of its own, one request at a time, before
     * any count is taken; readiness already says every replica is up.
     */
    private static void warmUpEachReplica() {
        for (int i = 0; i < replicas.size(); i++) {
            String token = TestTokens.forSubject("replicas-warm-up-replica-" + i);
            for (int request = 0; request < 3; request++) {
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(replicas.get(i)
                            .uri("/credentials")).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @AfterAll
    static void stopAll() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void twoHundredConcurrentFirstRequestsOverThreeProcessesMakeOneAssumeRole() throws Exception {
        long before = sts.assumeRoleCalls();
        List<JsonNode> served = spread("replicas-two-hundred", 200);
        assertEquals(1, sts.assumeRoleCalls() - before, "AssumeRole calls for one user over three replicas"
                + " (a replica that saw Redis as unavailable reports it: " + unavailableLookups() + ")");
        assertEquals(1, served.stream().map(body -> body.get("accessKeyId").asText()).distinct().count());
    }

    @Test
    @Order(2)
    void redisHoldsCiphertextUnderHashedKeysAndNoReplicaLogsASecret() throws Exception {
        JsonNode issued = spread("replicas-at-rest", 3).get(0);
        List<String> secrets = List.of(issued.get("accessKeySecret").asText(), issued.get("securityToken").asText());
        Map<String, String> stored = redisContents();
        assertFalse(stored.isEmpty());
        stored.forEach((key, value) -> {
            assertFalse(key.contains("replicas-at-rest"), key);
            for (String clear : List.of("replicas-at-rest", issued.get("accessKeyId").asText(), secrets.get(0),
                    secrets.get(1))) {
                assertFalse(value.contains(clear), "plaintext in Redis under " + key);
            }
        });
        for (ServiceProcess replica : replicas.replicas()) {
            for (String secret : vendedSecrets) {
                assertFalse(replica.output().contains(secret), replica + " logged a vended secret");
            }
        }
    }

    @Test
    @Order(3)
    void redisKilledMidRunKeepsServingAndSharingResumesWhenItIsBack() throws Exception {
        redis.kill();
        try {
            long before = sts.assumeRoleCalls();
            assertEquals(30, spread("replicas-redis-down", 30).size());
            long calls = sts.assumeRoleCalls() - before;
            assertTrue(calls >= 1 && calls <= 3, "each replica caches on its own: " + calls + " calls");
            for (ServiceProcess replica : replicas.replicas()) {
                assertEquals("degraded", sharedCacheState(replica), replica.toString());
            }
        } finally {
            redis.start();
        }
        // Recovers by itself: new users' first requests reach Redis again once each replica retries it.
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> {
            spread("replicas-warm-up-" + System.nanoTime(), 6);
            return replicas.replicas().stream().allMatch(replica -> "shared".equals(sharedCacheState(replica)));
        });
        long before = sts.assumeRoleCalls();
        spread("replicas-redis-back", 60);
        assertEquals(1, sts.assumeRoleCalls() - before, "sharing resumed");
    }

    /** {@code n} concurrent first requests for {@code subject}, round-robin over the replicas; all must be 200. */
    static List<JsonNode> spread(String subject, int n) throws Exception {
        String token = TestTokens.forSubject(subject);
        List<JsonNode> bodies = Parallel.run(n, i -> () -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    replicas.get(i % replicas.size()).uri("/credentials")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body());
        });
        for (JsonNode body : bodies) {
            vendedSecrets.add(body.get("accessKeySecret").asText());
            vendedSecrets.add(body.get("securityToken").asText());
        }
        return bodies;
    }

    /** Each replica's count of Redis lookups that failed or timed out, for the failure message. */
    static List<String> unavailableLookups() {
        List<String> counts = new java.util.ArrayList<>();
        for (ServiceProcess replica : replicas.replicas()) {
            try {
                String metrics = HTTP.send(HttpRequest.newBuilder(replica.uri("/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                counts.add(replica + ": " + metrics.lines()
                        .filter(line -> line.startsWith("stsvend_shared_cache_lookups_total{outcome=\"unavailable\""))
                        .findFirst().orElse("none"));
            } catch (IOException e) {
                counts.add(replica + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return counts;
            }
        }
        return counts;
    }

    static String sharedCacheState(ServiceProcess replica) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(replica.uri("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(response.body()).get("checks")) {
                if ("shared-cache".equals(check.get("name").asText())) {
                    return check.get("data").get("state").asText();
                }
            }
            return "absent";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Every key and value in Redis, read with a plain client as anyone with access to Redis could. */
    static Map<String, String> redisContents() {
        Vertx vertx = Vertx.vertx();
        try {
            Redis client = Redis.createClient(vertx, redis.uri());
            RedisAPI api = RedisAPI.api(client);
            Map<String, String> contents = new HashMap<>();
            for (Response key : join(api.keys("*"))) {
                Response type = join(client.send(Request.cmd(Command.TYPE).arg(key.toString())));
                if ("string".equals(type.toString())) {
                    contents.put(key.toString(), join(api.get(key.toString())).toString());
                }
            }
            return contents;
        } finally {
            vertx.close();
        }
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
