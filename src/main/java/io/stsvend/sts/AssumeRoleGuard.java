package io.stsvend.sts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.RateLimitType;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.faulttolerance.apiimpl.LazyTypedGuard;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.vertx.core.Vertx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static java.time.temporal.ChronoUnit.MILLIS;

/**
 * The fault-tolerance policy of every AssumeRole, built once from {@link ResilienceConfig}. Outermost first:
 * <ol>
 *   <li>a total timeout: the caller waits at most {@code total-timeout}, retries included;</li>
 *   <li>retry with jittered exponential backoff, only for {@code STS_THROTTLED} and {@code STS_UNAVAILABLE};</li>
 *   <li>a circuit breaker ({@link AssumeRoleBreaker}) counting only those two failures;</li>
 *   <li>a global rate limit (rolling window) protecting the account's AssumeRole quota; each try takes a permit;</li>
 *   <li>a bulkhead bounding calls in flight, with a waiting queue.</li>
 * </ol>
 * Retry, rate limit and bulkhead are SmallRye Fault Tolerance's programmatic {@link TypedGuard}s. The two steps whose
 * timing tests must control read time from seams instead: the breaker's open delay is measured on the injected
 * {@link Clock}, and the total timeout is a Mutiny item timeout scheduled on {@link GuardTimeouts}' scheduler
 * (Mutiny's worker pool in production; a clock-driven one in tests).
 *
 * <p>Everything is non-blocking: the guarded {@link Uni} never blocks the subscribing thread, and backoff and timeouts
 * run on timers. A try cut by the total timeout is abandoned, not interrupted: it keeps its bulkhead place until the
 * SDK's own connect/read timeouts end it, and its late answer is dropped (retries stop at the total timeout too). The
 * guard's own failures become catalogue errors with a Retry-After ({@link GuardFailures}).
 *
 * <p>Created at startup (after the configuration check), so its meters exist before the first call and the first
 * request does not pay for building it on an event-loop thread.
 */
@Startup
@ApplicationScoped
public class AssumeRoleGuard {

    private static final Logger LOG = Logger.getLogger(AssumeRoleGuard.class);
    /** SmallRye's name of the retry guard (its {@code ft_*} metrics' {@code method} tag); admission adds a word. */
    static final String DESCRIPTION = "AssumeRole";
    /** The same for the startup rehearsal's throwaway guard ({@link #rehearse}). */
    static final String REHEARSAL = "AssumeRole rehearsal, no STS call";
    /** Longest each rehearsal call may take (it answers at once; this only bounds a stuck event loop). */
    private static final Duration REHEARSAL_WITHIN = Duration.ofSeconds(10);
    private static final TypeLiteral<Uni<TemporaryCredentials>> TYPE = new TypeLiteral<>() {
    };

    private final Duration totalTimeout;
    private final ScheduledExecutorService timeouts;
    private final TypedGuard<Uni<TemporaryCredentials>> retries;
    private final AssumeRoleBreaker breaker;
    private final TypedGuard<Uni<TemporaryCredentials>> admission;
    private final GuardFailures failures;
    private final GuardMeters meters;
    private volatile boolean rehearsed = true;

    @Inject
    public AssumeRoleGuard(ResilienceConfig config, MeterRegistry registry, Clock clock, GuardTimeouts timeouts,
                           Vertx vertx) {
        this(config, registry, clock, timeouts.scheduler(), DESCRIPTION);
        buildNow(retries);
        buildNow(admission);
        rehearsed = false;
        Thread rehearsal = new Thread(() -> {
            try {
                rehearse(config, timeouts.scheduler(), vertx);
            } finally {
                rehearsed = true;
            }
        }, "stsvend-sts-rehearsal");
        rehearsal.setDaemon(true);
        rehearsal.start();
    }

    /**
     * @param clock    measures the breaker's open delay
     * @param timeouts schedules the total timeout
     */
    AssumeRoleGuard(ResilienceConfig config, MeterRegistry registry, Clock clock, ScheduledExecutorService timeouts) {
        this(config, registry, clock, timeouts, DESCRIPTION);
    }

    private AssumeRoleGuard(ResilienceConfig config, MeterRegistry registry, Clock clock,
                            ScheduledExecutorService timeouts, String description) {
        this.totalTimeout = config.totalTimeout();
        this.timeouts = timeouts;
        this.breaker = new AssumeRoleBreaker(config.circuitBreaker(), clock,
                state -> LOG.warnf("AssumeRole circuit breaker is now %s", state));
        this.meters = new GuardMeters(registry, breaker::state);
        this.failures = new GuardFailures(config.circuitBreaker().delay());
        this.retries = TypedGuard.create(TYPE)
                .withDescription(description)
                .with(b -> retry(b, config, meters))
                .build();
        this.admission = TypedGuard.create(TYPE)
                .withDescription(description + " admission")
                .withRateLimit().type(RateLimitType.ROLLING).limit(config.rateLimit().limit())
                    .window(config.rateLimit().window().toMillis(), MILLIS).onRejected(meters::rateLimited).done()
                .withBulkhead().limit(config.bulkhead().maxConcurrent()).queueSize(config.bulkhead().queueSize())
                    .onRejected(meters::bulkheadRejected).done()
                .build();
    }

    /**
     * Runs {@code call} (subscribed lazily, once per try) under the whole policy. Each try is timed as sent to STS; a
     * call refused before any try was sent fails with {@link RefusedLocally} and is counted by reason.
     */
    public Uni<TemporaryCredentials> guard(Supplier<Uni<TemporaryCredentials>> call) {
        return Uni.createFrom().deferred(() -> {
            AtomicBoolean sent = new AtomicBoolean();
            Supplier<Uni<TemporaryCredentials>> tried = () -> {
                sent.set(true);
                return meters.timeTry(call.get());
            };
            return retries.get(() -> throughBreaker(() -> admission.get(tried)))
                    .ifNoItem().after(totalTimeout).on(timeouts).failWith(this::timedOut)
                    .onFailure().transform(failure -> translate(failure, sent.get()));
        });
    }

    /**
     * Under Quarkus, SmallRye Fault Tolerance hands out programmatic guards that build themselves on their first use
     * (its CDI services are not ready where guards are usually declared). Built then, the first AssumeRole of a fresh
     * process spent 100-230 ms creating those beans and loading their classes on an event loop: the one event-loop
     * stall of the bench's fresh-process scenario (issue 16). The container is up by now, so build them here, once.
     * {@link LazyTypedGuard} is SmallRye's implementation class, not its API: if an upgrade drops it, the guards build
     * lazily again and the bench's stall count says so.
     */
    private static void buildNow(TypedGuard<?> guard) {
        if (guard instanceof LazyTypedGuard<?, ?> lazy) {
            lazy.instance(null);
        }
    }

    /**
     * Sends calls that answer at once through a throwaway guard of the same shape, so that the first real AssumeRole
     * does not link SmallRye's and Mutiny's call sites on an event loop: after {@link #buildNow}, what was left of the
     * bench's fresh-process stalls (100-140 ms, lambdas spun under SmallRye's {@code EventHandlers.register}, its
     * Micrometer recorder, its thread offload to the calling event loop). One call from a thread of its own links
     * most of it, beside the rest of the start (on two cores that took about 0.1 s off launch → ready against running
     * it in the startup thread); a second from an event loop links the path only an event loop takes, in a few
     * milliseconds. Readiness entry {@code sts} is DOWN until both ended ({@link #rehearsed()}), so the training run
     * that writes the image's AOT cache, which waits for that entry, holds those links too.
     *
     * <p>The throwaway guard has its own breaker, rate-limit window, bulkhead and meters (in a registry nobody reads):
     * this guard's state and the STS meters never see it. Only SmallRye's own {@code ft_*} metrics, which go to the
     * application's registry whatever the guard, show its two invocations, under the description {@link #REHEARSAL}.
     * A failure here only costs the first request time; it is logged as a WARN, with the class of what failed.
     */
    private static void rehearse(ResilienceConfig config, ScheduledExecutorService timeouts, Vertx vertx) {
        long started = System.nanoTime();
        try {
            AssumeRoleGuard rehearsal = new AssumeRoleGuard(config, new SimpleMeterRegistry(), Clock.systemUTC(),
                    timeouts, REHEARSAL);
            TemporaryCredentials dummy = new TemporaryCredentials("rehearsal-key-id", "rehearsal-not-a-secret",
                    "rehearsal-not-a-token", Instant.now().plusSeconds(3600), "rehearsal-request");
            Supplier<Uni<TemporaryCredentials>> answered = () -> Uni.createFrom().item(dummy);
            rehearsal.guard(answered).await().atMost(REHEARSAL_WITHIN);
            CompletableFuture<TemporaryCredentials> onEventLoop = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(ignored -> rehearsal.guard(answered).subscribe()
                    .with(onEventLoop::complete, onEventLoop::completeExceptionally));
            onEventLoop.get(REHEARSAL_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debugf("AssumeRole rehearsal: %d ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warnf("AssumeRole rehearsal failed (%s); the first AssumeRole may be slower",
                    e.getClass().getSimpleName());
        }
    }

    /** False only while the startup rehearsal ({@link #rehearse}) runs: what readiness entry {@code sts} waits for. */
    public boolean rehearsed() {
        return rehearsed;
    }

    /** The two SmallRye guards (for the test that proves {@link #buildNow} ran at startup). */
    List<TypedGuard<?>> smallRyeGuards() {
        return List.of(retries, admission);
    }

    private Uni<TemporaryCredentials> throughBreaker(Supplier<Uni<TemporaryCredentials>> attempt) {
        return Uni.createFrom().deferred(() -> {
            AssumeRoleBreaker.Permit permit = breaker.tryAcquire();
            if (permit == null) {
                return Uni.createFrom().failure(new CircuitBreakerOpenException("AssumeRole circuit breaker is open"));
            }
            // Our own misconfiguration or odd answers say nothing about STS being up: they never open it.
            return attempt.get().onItemOrFailure()
                    .invoke((item, failure) -> breaker.record(permit, failure != null && isTransient(failure)));
        });
    }

    private Throwable timedOut() {
        meters.timedOut();
        return new TimeoutException("AssumeRole exceeded the total timeout");
    }

    private Throwable translate(Throwable failure, boolean sent) {
        Throwable translated = failures.translate(failure);
        String reason = sent ? null : GuardFailures.refusalReason(failure);
        if (reason == null || !(translated instanceof CodedException refusal)) {
            return translated;
        }
        meters.refusedLocally(reason);
        return new RefusedLocally(refusal);
    }

    /** The breaker's current state; read without calling STS (readiness, metrics). */
    public CircuitBreakerState circuitBreakerState() {
        return breaker.state();
    }

    /** Closes the breaker with an empty window, as after a restart (operators' tooling, tests). */
    public void resetCircuitBreaker() {
        breaker.reset();
    }

    private static void retry(TypedGuard.Builder<Uni<TemporaryCredentials>> builder, ResilienceConfig config,
                              GuardMeters meters) {
        ResilienceConfig.Retry retry = config.retry();
        builder.withRetry()
                .maxRetries(retry.maxRetries())
                .delay(retry.initialDelay().toMillis(), MILLIS)
                .jitter(retry.jitter().toMillis(), MILLIS)
                // The total timeout cuts the call anyway; this only stops scheduling tries nobody waits for.
                .maxDuration(config.totalTimeout().toMillis(), MILLIS)
                .whenException(AssumeRoleGuard::isTransient)
                .withExponentialBackoff().factor(2).maxDelay(retry.maxDelay().toMillis(), MILLIS).done()
                .onRetry(meters::retried)
                .done();
    }

    /** Throttled or unavailable: worth another try later, and a sign of an STS outage. */
    static boolean isTransient(Throwable failure) {
        return failure instanceof CodedException coded
                && (coded.errorCode() == ErrorCode.STS_THROTTLED || coded.errorCode() == ErrorCode.STS_UNAVAILABLE);
    }

    /** How long an open breaker makes callers wait, for Retry-After. */
    Duration breakerDelay() {
        return failures.breakerDelay();
    }
}
