package io.stsvend.sts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.testing.ClockScheduler;
import io.stsvend.testing.StoppedClock;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard's timing, step by step and without waiting: a guard of its own (the test profile's policy: total
 * timeout 3 s, bulkhead of 2 in flight plus 2 waiting) whose total timeout is scheduled on a {@link ClockScheduler},
 * in front of a stand-in STS whose answers the test holds and releases. Needs Quarkus only because SmallRye Fault
 * Tolerance's guards are built in its container.
 */
@QuarkusTest
class AssumeRoleGuardTimingTest {

    @Inject
    ResilienceConfig config;

    final StoppedClock clock = StoppedClock.now();
    final ClockScheduler scheduler = new ClockScheduler(clock);
    /** One held answer per AssumeRole that reached the stand-in STS. */
    final List<CompletableFuture<TemporaryCredentials>> answers = new CopyOnWriteArrayList<>();
    AssumeRoleGuard guard;

    @BeforeEach
    void guard() {
        guard = new AssumeRoleGuard(config, new SimpleMeterRegistry(), clock, scheduler);
    }

    UniAssertSubscriber<TemporaryCredentials> call() {
        return guard.guard(() -> {
            CompletableFuture<TemporaryCredentials> answer = new CompletableFuture<>();
            answers.add(answer);
            return Uni.createFrom().completionStage(answer);
        }).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    static TemporaryCredentials credentials() {
        return new TemporaryCredentials("STS.test", "secret", "token", Instant.parse("2030-01-01T00:00:00Z"), "req");
    }

    static CodedException failure(UniAssertSubscriber<TemporaryCredentials> caller) {
        return assertInstanceOf(CodedException.class, caller.getFailure());
    }

    @Test
    void hangingStsIsCutAtTheTotalTimeoutAndNotRetried() {
        UniAssertSubscriber<TemporaryCredentials> caller = call();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == 1);

        clock.advance(config.totalTimeout().minusMillis(1));
        scheduler.runDue();
        caller.assertNotTerminated();

        clock.advance(Duration.ofMillis(1));
        scheduler.runDue();
        CodedException cut = failure(caller.awaitFailure(Duration.ofSeconds(20)));
        assertEquals(ErrorCode.STS_UNAVAILABLE, cut.errorCode());
        assertTrue(cut.retryAfter().isPresent(), "the caller is told when to come back");
        answers.get(0).complete(credentials());
        assertEquals(1, answers.size(), "a call cut by the timeout is not retried");
    }

    @Test
    void bulkheadBoundsCallsInFlightAndRefusesTheRest() {
        List<UniAssertSubscriber<TemporaryCredentials>> callers = IntStream.range(0, 6).mapToObj(i -> call()).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == 2
                && callers.stream().filter(c -> c.getFailure() != null).count() == 2);
        List<UniAssertSubscriber<TemporaryCredentials>> refused =
                callers.stream().filter(c -> c.getFailure() != null).toList();
        for (UniAssertSubscriber<TemporaryCredentials> caller : refused) {
            CodedException e = assertInstanceOf(RefusedLocally.class, caller.getFailure());
            assertEquals(ErrorCode.STS_THROTTLED, e.errorCode(), "more callers than 2 in flight plus 2 waiting");
            assertTrue(e.retryAfter().isPresent());
        }
        assertEquals(2, answers.size(), "only 2 calls are in flight at once; the waiting ones have not reached STS");

        // Answering frees the places: the two waiting callers go through, one call each.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            answers.forEach(answer -> answer.complete(credentials()));
            return callers.stream().filter(c -> c.getItem() != null).count() == 4;
        });
        assertEquals(4, answers.size(),
                "a caller refused by the bulkhead never reached STS; every other one made exactly one call");
    }
}
