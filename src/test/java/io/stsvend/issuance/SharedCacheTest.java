package io.stsvend.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.audit.AuditTrail;
import io.stsvend.identity.Caller;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.sharedcache.SharedFlight;
import io.stsvend.sts.TemporaryCredentials;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.Parallel;
import io.stsvend.testing.SharedRedis;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.stsvend.testing.TestReadiness;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas in one JVM share one real redis-server and one STS emulator: the application's own issuer plus two
 * more built with their own local (Caffeine) caches and their own shared-cache flights, as separate pods would be.
 */
@QuarkusTest
@WithTestResource(SharedRedis.class)
class SharedCacheTest {

    @Inject CloudBox box;
    @Inject CredentialIssuer issuer;
    @Inject SharedFlight flight;
    @Inject Clock clock;
    @Inject MeterRegistry registry;
    @Inject ReactiveRedisDataSource redis;
    @Inject InJvmReplicas more;

    long assumeRoleCalls() {
        return box.assumeRoleCalls();
    }

    final List<SharedFlight> flights = new ArrayList<>();

    List<CredentialIssuer> replicas() {
        flights.clear();
        flights.add(flight);
        List<CredentialIssuer> replicas = new ArrayList<>(List.of(issuer));
        for (int i = 0; i < 2; i++) {
            replicas.add(replica(clock, "replica-" + i));
        }
        return replicas;
    }

    /** Another replica: its own local cache and shared-cache flight (added to {@link #flights}), on {@code time}. */
    CredentialIssuer replica(Clock time, String name) {
        InJvmReplicas.Replica replica = more.start(time, name);
        flights.add(replica.flight());
        return replica.issuer();
    }

    /** {@code n} concurrent first requests for {@code subject}, spread round-robin over {@code replicas}. */
    static List<TemporaryCredentials> concurrently(List<CredentialIssuer> replicas, String subject, int n)
            throws Exception {
        return Parallel.run(n, 32, i -> {
            CredentialIssuer replica = replicas.get(i % replicas.size());
            return () -> replica.issue(caller(subject)).await().atMost(Duration.ofSeconds(30)).credentials();
        });
    }

    @Test
    void twoHundredConcurrentFirstRequestsOverThreeReplicasMakeOneAssumeRole() throws Exception {
        long before = assumeRoleCalls();
        List<TemporaryCredentials> served = concurrently(replicas(), "shared-two-hundred", 200);
        assertEquals(before + 1, assumeRoleCalls());
        assertEquals(1, served.stream().map(TemporaryCredentials::accessKeyId).distinct().count());
    }

    @Test
    void valuesInRedisAreCiphertextUnderHashedKeys() {
        TemporaryCredentials issued = issuer.issue(caller("shared-at-rest-subject")).await()
                .atMost(Duration.ofSeconds(30)).credentials();
        List<String> keys = new ArrayList<>();
        redis.execute("KEYS", "*").await().atMost(Duration.ofSeconds(5)).forEach(k -> keys.add(k.toString()));
        assertFalse(keys.isEmpty());
        for (String key : keys) {
            assertFalse(key.contains("shared-at-rest-subject"), key);
            String value = redis.execute("GET", key).await().atMost(Duration.ofSeconds(5)).toString();
            for (String secret : Set.of(issued.accessKeySecret(), issued.securityToken(), issued.accessKeyId(),
                    "shared-at-rest-subject")) {
                assertFalse(value.contains(secret), "plaintext in Redis under " + key);
            }
        }
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("stsvend:cred:")));
    }

    @Test
    void aMissServedFromAnotherReplicasTokenIsRecordedAsRemoteNotMiss() throws Exception {
        List<CredentialIssuer> replicas = replicas();
        long calls = assumeRoleCalls();
        double remote = registry.counter(IssuanceMetrics.REQUESTS, "outcome", "remote").count();
        try (LogCapture logs = LogCapture.install()) {
            IssuedCredentials first = replicas.get(1).issue(caller("shared-remote")).await()
                    .atMost(Duration.ofSeconds(30));
            IssuedCredentials second = replicas.get(2).issue(caller("shared-remote")).await()
                    .atMost(Duration.ofSeconds(30));

            assertEquals(CacheOutcome.MISS, first.outcome());
            assertEquals(CacheOutcome.REMOTE, second.outcome());
            assertEquals(first.credentials().accessKeyId(), second.credentials().accessKeyId());
            assertEquals(calls + 1, assumeRoleCalls(), "only the first replica called STS");
            assertEquals(remote + 1, registry.counter(IssuanceMetrics.REQUESTS, "outcome", "remote").count());

            List<JsonNode> audited = new ArrayList<>();
            for (String text : logs.texts(AuditTrail.CATEGORY)) {
                JsonNode line = new ObjectMapper().readTree(text);
                if ("shared-remote".equals(line.path("subject").asText())) {
                    audited.add(line);
                }
            }
            assertEquals(List.of("miss", "remote"), audited.stream().map(l -> l.path("cache").asText()).toList());
            assertEquals(first.credentials().requestId(), audited.get(1).path("stsRequestId").asText(),
                    "remote names the call that minted the token");
        }
    }

    @Test
    void aRefreshServedFromAnotherReplicasTokenIsAuditedAndCounted() throws Exception {
        MutableClock time = new MutableClock();
        CredentialIssuer a = replica(time, "refresh-a");
        CredentialIssuer b = replica(time, "refresh-b");
        a.issue(caller("shared-refresh")).await().atMost(Duration.ofSeconds(30));
        b.issue(caller("shared-refresh")).await().atMost(Duration.ofSeconds(30));
        time.advance(Duration.ofSeconds(1900));
        long calls = assumeRoleCalls();
        double refreshes = registry.counter(IssuanceMetrics.REFRESHES, "outcome", "success").count();
        try (LogCapture logs = LogCapture.install()) {
            a.issue(caller("shared-refresh")).await().atMost(Duration.ofSeconds(30));
            await().atMost(30, TimeUnit.SECONDS).until(() -> registry.counter(IssuanceMetrics.REFRESHES, "outcome",
                    "success").count() == refreshes + 1);
            b.issue(caller("shared-refresh")).await().atMost(Duration.ofSeconds(30));
            await().atMost(30, TimeUnit.SECONDS).until(() -> registry.counter(IssuanceMetrics.REFRESHES, "outcome",
                    "success").count() == refreshes + 2);

            assertEquals(calls + 1, assumeRoleCalls(), "B refreshed from the token A put in Redis");
            List<JsonNode> refreshed = new ArrayList<>();
            for (String text : logs.texts(AuditTrail.CATEGORY)) {
                JsonNode line = new ObjectMapper().readTree(text);
                if ("shared-refresh".equals(line.path("subject").asText())
                        && "refresh".equals(line.path("cache").asText())) {
                    refreshed.add(line);
                }
            }
            assertEquals(2, refreshed.size(), "one audit line per background refresh, however it was served");
            assertEquals(refreshed.get(0).path("stsRequestId").asText(), refreshed.get(1).path("stsRequestId").asText());
        } finally {
            time.reset();
        }
    }

    @Test
    void redisKilledMidRunDegradesAndSharingResumesWhenItIsBack() throws Exception {
        TestReadiness.awaitReady();
        List<CredentialIssuer> replicas = replicas();
        SharedRedis.server().kill();
        try {
            List<TemporaryCredentials> served = concurrently(replicas, "shared-redis-down", 30);
            assertEquals(30, served.size());
            assertTrue(flight.degraded());
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'shared-cache' }.data.state", equalTo("degraded"));
        } finally {
            SharedRedis.server().start();
        }
        // Recovers by itself: once pooled connections to the killed server are replaced, no replica is degraded.
        List<CredentialIssuer> fresh = replicas();
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            concurrently(fresh, "shared-warm-up-" + System.nanoTime(), 30);
            return flights.stream().noneMatch(SharedFlight::degraded);
        });
        long before = assumeRoleCalls();
        concurrently(fresh, "shared-redis-back", 60);
        assertEquals(before + 1, assumeRoleCalls());
    }

    static Caller caller(String subject) {
        return Caller.of(Map.of("sub", subject));
    }
}
