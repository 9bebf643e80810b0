package io.stsvend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.stsvend.bench.BenchFixtures;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness waits for the request-path warm-up, and a warm-up that breaks never keeps the service unready. */
class RequestPathWarmupTest {

    @Test
    void readinessIsDownUntilTheWarmupRanTheRequestPath() {
        RequestPathWarmup warmup = new RequestPathWarmup(BenchFixtures.defaultRules(),
                new ObjectMapper().findAndRegisterModules());
        WarmupReadiness readiness = new WarmupReadiness(warmup);
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus(), "before the warm-up");

        warmup.run();

        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(), "after the warm-up");
        assertTrue(warmup.roundsRun() >= 1, "at least one whole round of JWT, grants, policy and JSON ran");
    }

    @Test
    void roundsAfterTheFirstTakeTheVerifiedTokenCachesHitPath() {
        RequestPathWarmup warmup = new RequestPathWarmup(BenchFixtures.defaultRules(),
                new ObjectMapper().findAndRegisterModules());

        warmup.run();

        // The first round verifies the signature; every later one finds that verification, as a repeated token does.
        assertEquals(warmup.roundsRun() - 1, warmup.verifiedCacheHits());
    }

    @Test
    void aWarmupThatFailsStillLetsReadinessGoUp() {
        // No JSON mapper: the first round fails at serialisation.
        RequestPathWarmup warmup = new RequestPathWarmup(BenchFixtures.defaultRules(), null);
        WarmupReadiness readiness = new WarmupReadiness(warmup);

        warmup.run();

        assertEquals(0, warmup.roundsRun());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }
}
