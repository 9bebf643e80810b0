package io.stsvend.issuance;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.audit.AuditTrail;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.identity.Caller;
import io.stsvend.cloudbox.CloudBox;
import io.restassured.http.ContentType;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.MutableClock;
import io.stsvend.testing.SharedRedis;
import io.stsvend.testing.TestTokens;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: a revoke on one replica reaches the others through Redis. Replicas are built in this JVM
 * ({@link InJvmReplicas}) on one real redis-server and the STS emulator, each on its own {@link MutableClock}, so
 * block ends and Redis back-off are moved, never waited for. Every test uses its own subjects.
 */
@QuarkusTest
@WithTestResource(SharedRedis.class)
class RevocationAcrossReplicasTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject InJvmReplicas replicas;
    @Inject CloudBox box;
    @Inject ReactiveRedisDataSource redis;

    final MutableClock time = new MutableClock();

    long assumeRoleCalls() {
        return box.assumeRoleCalls();
    }

    static String keyOf(InJvmReplicas.Replica replica, String subject) {
        return replica.issuer().issue(Caller.of(Map.of("sub", subject))).await().atMost(WAIT).credentials()
                .accessKeyId();
    }

    static ErrorCode refusalOf(InJvmReplicas.Replica replica, String subject) {
        CodedException refused = assertThrows(CodedException.class,
                () -> replica.issuer().issue(Caller.of(Map.of("sub", subject))).await().atMost(WAIT));
        return refused.errorCode();
    }

    @Test
    void aBlockOnReplicaAStopsReplicaBServingItsCachedTokenAndSurvivesBsRestart() {
        InJvmReplicas.Replica a = replicas.start(time, "block-a");
        InJvmReplicas.Replica b = replicas.start(time, "block-b");
        String cachedOnB = keyOf(b, "rx-ann");
        assertEquals(cachedOnB, keyOf(b, "rx-ann"), "B serves its cached token");

        Optional<Instant> until = a.revocations().revoke("rx-ann", Optional.of(Duration.ofSeconds(60))).await()
                .atMost(WAIT).blockedUntil();
        assertTrue(until.isPresent());

        assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(b, "rx-ann"), "B no longer serves its cached token");
        assertEquals(until, b.revocations().standing("rx-ann").await().atMost(WAIT).blockedUntil(),
                "B knows until when");
        InJvmReplicas.Replica restarted = replicas.start(time, "block-b");
        assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(restarted, "rx-ann"), "the block survives B's restart");
        assertFalse(keyOf(b, "rx-ben").isEmpty(), "another subject is served");

        time.advance(Duration.ofSeconds(61));
        long calls = assumeRoleCalls();
        String afterBlock = keyOf(b, "rx-ann");
        assertNotEquals(cachedOnB, afterBlock, "after the block B issues a new token, never the revoked one");
        assertEquals(afterBlock, keyOf(restarted, "rx-ann"), "shared again under the new generation");
        assertEquals(calls + 1, assumeRoleCalls());
    }

    @Test
    void aRevokeWithoutABlockOnAMakesEveryReplicaDropTheOldTokenForOneNewOne() {
        InJvmReplicas.Replica a = replicas.start(time, "evict-a");
        InJvmReplicas.Replica b = replicas.start(time, "evict-b");
        String old = keyOf(a, "rx-cat");
        assertEquals(old, keyOf(b, "rx-cat"), "B got A's token through Redis");

        a.revocations().revoke("rx-cat", Optional.empty()).await().atMost(WAIT);

        long calls = assumeRoleCalls();
        String renewed = keyOf(b, "rx-cat");
        assertNotEquals(old, renewed, "B neither serves its cached token nor finds the old one in Redis");
        assertEquals(renewed, keyOf(a, "rx-cat"));
        assertEquals(renewed, keyOf(b, "rx-cat"));
        assertEquals(calls + 1, assumeRoleCalls(), "one AssumeRole for the new generation over both replicas");
    }

    @Test
    void liftingOnBLetsTheSubjectInOnA() {
        InJvmReplicas.Replica a = replicas.start(time, "lift-a");
        InJvmReplicas.Replica b = replicas.start(time, "lift-b");
        String first = keyOf(a, "rx-dan");
        a.revocations().revoke("rx-dan", Optional.of(Duration.ofDays(30))).await().atMost(WAIT);
        assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(a, "rx-dan"));

        assertTrue(b.revocations().lift("rx-dan").await().atMost(WAIT), "B found the block in Redis");
        assertNotEquals(first, keyOf(a, "rx-dan"), "A lets the subject in again, with a new token");
        assertFalse(b.revocations().lift("rx-dan").await().atMost(WAIT));
    }

    @Test
    void withRedisDownAKnownBlockStillRefusesOthersAreServedAndAdminCallsFailWithRetryAfter() {
        InJvmReplicas.Replica a = replicas.start(time, "down-a");
        InJvmReplicas.Replica b = replicas.start(time, "down-b");
        String served = keyOf(b, "rx-fay");
        a.revocations().revoke("rx-eve", Optional.of(Duration.ofSeconds(600))).await().atMost(WAIT);
        assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(b, "rx-eve"), "B has seen the block");

        SharedRedis.server().kill();
        try {
            assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(b, "rx-eve"), "fails closed for a block B knows");
            assertEquals(served, keyOf(b, "rx-fay"), "B keeps serving its cached token to others");
            List<CodedException> refused = new ArrayList<>();
            refused.add(assertThrows(CodedException.class, () -> a.revocations()
                    .revoke("rx-fay", Optional.of(Duration.ofSeconds(60))).await().atMost(WAIT)));
            refused.add(assertThrows(CodedException.class, () -> a.revocations().lift("rx-eve").await()
                    .atMost(WAIT)));
            for (CodedException e : refused) {
                assertEquals(ErrorCode.SHARED_CACHE_UNAVAILABLE, e.errorCode());
                assertTrue(e.retryAfter().orElseThrow().toSeconds() >= 1, "a 503 with Retry-After");
            }
            assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(a, "rx-fay"), "the failed revoke still holds on A");
            // The failed lift did not let rx-eve in on B, which never heard of it.
            assertEquals(ErrorCode.SUBJECT_BLOCKED, refusalOf(b, "rx-eve"));
        } finally {
            SharedRedis.server().start();
        }
        // Redis is back, empty (no persistence), and A's back-off has passed on its clock: the admin's retry of
        // the refused revoke now reaches B, which never heard of it, and B drops the token it cached for rx-fay.
        time.advance(Duration.ofSeconds(10));
        a.revocations().revoke("rx-fay", Optional.empty()).await().atMost(WAIT);
        assertNotEquals(served, keyOf(b, "rx-fay"), "the generation rose past what B knew before Redis lost it");
    }

    @Test
    void anAdminCallThatCannotReachRedisIsA503ProblemWithRetryAfterAndIsAudited() {
        String admin = TestTokens.claims("admin-rx").audience("stsvend-admin").groups(Set.of("stsvend-admin"))
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        SharedRedis.server().kill();
        try (LogCapture logs = LogCapture.install()) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"blockForSeconds\":60}")
                    .when().post("/admin/subjects/{s}/revoke", "rx-gus")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("code", equalTo("shared-cache-unavailable"));
            given().auth().oauth2(admin).when().delete("/admin/subjects/{s}/block", "rx-gus")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2")
                    .body("code", equalTo("shared-cache-unavailable"));
            List<String> audited = logs.texts(AuditTrail.CATEGORY).stream()
                    .filter(line -> line.contains("rx-gus") && line.contains("shared-cache-unavailable")).toList();
            assertEquals(2, audited.size(), "both refusals are audited: " + audited);
            audited.forEach(line -> assertTrue(line.contains("\"scope\":\"this-replica\""), line));
        } finally {
            SharedRedis.server().start();
        }
        try (LogCapture logs = LogCapture.install()) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> given().auth().oauth2(admin)
                    .when().post("/admin/subjects/{s}/revoke", "rx-gus").statusCode() == 200);
            assertTrue(logs.texts(AuditTrail.CATEGORY).stream().anyMatch(line -> line.contains("rx-gus")
                    && line.contains("\"outcome\":\"ok\"") && line.endsWith("\"scope\":\"all-replicas\"}")),
                    "a revoke that reached Redis is audited as reaching every replica");
        }
    }
}
