package io.stsvend.sts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.stsvend.testing.StoppedClock;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The guard's startup rehearsal runs beside the start, and readiness entry {@code sts} waits for it: here its
 * event-loop call is held back by an event loop the test keeps busy, so the rehearsal cannot end until the test lets
 * it. Needs Quarkus only because SmallRye Fault Tolerance's guards are built in its container.
 */
@QuarkusTest
class AssumeRoleRehearsalTest {

    @Inject
    ResilienceConfig config;

    @Test
    void readinessIsDownUntilTheRehearsalEnded() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        CountDownLatch busy = new CountDownLatch(1);
        try {
            vertx.getOrCreateContext().runOnContext(ignored -> {
                try {
                    busy.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AssumeRoleGuard guard = new AssumeRoleGuard(config, new SimpleMeterRegistry(), StoppedClock.now(),
                    new GuardTimeouts(), vertx);
            StsReadinessCheck readiness = new StsReadinessCheck(guard);

            assertFalse(guard.rehearsed(), "the rehearsal ended without its event-loop call");
            assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());

            busy.countDown();
            await().atMost(Duration.ofSeconds(30)).until(guard::rehearsed);
            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
            assertEquals(CircuitBreakerState.CLOSED, guard.circuitBreakerState());
        } finally {
            busy.countDown();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
