package io.stsvend.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stsvend.testing.ReplicaSet;
import io.stsvend.testing.ServiceProcess;
import io.stsvend.testing.SharedCacheDeployment;
import io.stsvend.testing.StandaloneSts;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 17 with real processes: two copies of the packaged application (prod profile, as two pods run) share one
 * {@code redis-server} and one STS emulator. An admin's revoke sent to replica A stops replica B serving the token it
 * cached and issuing a new one, and B, restarted, still refuses. No timing: every step waits for its answer only.
 */
@DisabledIfSystemProperty(named = "quarkus.native.sources-only", matches = "true",
        disabledReason = "only the native image builder's inputs exist, no runnable application")
class RevocationAcrossReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static SharedCacheDeployment deployment;
    static StandaloneSts sts;
    static ReplicaSet replicas;

    @BeforeAll
    static void startRedisStsAndTwoReplicas() {
        // Admin tokens are a second accepted audience, as in the shipped configuration.
        deployment = SharedCacheDeployment.start("revocation", 2, Duration.ofMillis(10),
                Map.of("mp.jwt.verify.audiences", TestTokens.AUDIENCE + ",stsvend-admin"));
        sts = deployment.sts();
        replicas = deployment.replicas();
    }

    @AfterAll
    static void stopAll() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void aRevokeOnAStopsBServingItsCachedTokenAndIssuingAndTheBlockSurvivesBsRestart() throws Exception {
        String user = TestTokens.forSubject("it-revoked-user");
        JsonNode cached = credentials(replicas.get(1), user, 200);
        assertEquals(cached.get("accessKeyId").asText(),
                credentials(replicas.get(1), user, 200).get("accessKeyId").asText(), "B serves its cached token");
        long calls = sts.assumeRoleCalls();

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(replicas.get(0)
                .uri("/admin/subjects/it-revoked-user/revoke"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"blockForSeconds\":3600}")));
        assertEquals(200, revoked.statusCode(), revoked.body());

        assertEquals("subject-blocked", credentials(replicas.get(1), user, 403).get("code").asText(),
                "B neither serves its cached token nor issues a new one");
        ServiceProcess restarted = replicas.restart(1);
        assertEquals("subject-blocked", credentials(restarted, user, 403).get("code").asText(),
                "the block survives B's restart");
        JsonNode explained = JSON.readTree(send(HttpRequest.newBuilder(restarted.uri("/credentials/explain"))
                .header("Authorization", "Bearer " + user)).body());
        assertEquals(JSON.readTree(revoked.body()).get("blockedUntil").asText(),
                explained.get("blockedUntil").asText());
        assertEquals(calls, sts.assumeRoleCalls(), "no AssumeRole for the blocked subject anywhere");

        HttpResponse<String> lifted = send(HttpRequest.newBuilder(
                restarted.uri("/admin/subjects/it-revoked-user/block"))
                .header("Authorization", "Bearer " + adminToken()).DELETE());
        assertEquals(204, lifted.statusCode(), lifted.body());
        String renewed = credentials(replicas.get(0), user, 200).get("accessKeyId").asText();
        assertNotEquals(cached.get("accessKeyId").asText(), renewed, "after the lift a new token, never the old one");
        assertEquals(renewed, credentials(restarted, user, 200).get("accessKeyId").asText());
        assertEquals(calls + 1, sts.assumeRoleCalls(), "one AssumeRole for the new generation over both replicas");
    }

    static JsonNode credentials(ServiceProcess replica, String jwt, int status) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(replica.uri("/credentials"))
                .header("Authorization", "Bearer " + jwt));
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String adminToken() {
        return TestTokens.claims("it-admin").audience("stsvend-admin").groups(Set.of("stsvend-admin"))
                .sign(TestTokens.privateKey("test-keys/privateKey.pem"));
    }
}
