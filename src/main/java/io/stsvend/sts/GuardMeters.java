package io.stsvend.sts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Meters of {@link AssumeRoleGuard}: {@code stsvend.sts.assume-role{outcome,code}}, the latency histogram of each
 * AssumeRole try actually sent to STS (retries are tries; {@code outcome} success or failure, {@code code} none or the
 * error code), so its count is the number of AssumeRole calls; {@code stsvend.sts.assume-role.refused{reason}},
 * calls the guard refused before sending any try ({@code rate-limit}, {@code bulkhead}, {@code circuit-open},
 * {@code timeout}); {@code stsvend.rate-limit.rejections{scope=global}} (global AssumeRole limit),
 * {@code stsvend.sts.bulkhead.rejections}, {@code stsvend.sts.retries}, {@code stsvend.sts.timeouts}, and
 * {@code stsvend.sts.circuit-breaker{state}}, one gauge per state that reads 1 for the current state and 0 otherwise.
 * All exist from startup (at zero); tag values come from closed sets only.
 */
final class GuardMeters {

    static final String RATE_LIMIT_REJECTIONS = "stsvend.rate-limit.rejections";
    static final String CIRCUIT_BREAKER = "stsvend.sts.circuit-breaker";
    static final String ASSUME_ROLE = "stsvend.sts.assume-role";
    static final String REFUSED = "stsvend.sts.assume-role.refused";
    static final List<String> REFUSAL_REASONS = List.of("rate-limit", "bulkhead", "circuit-open", "timeout");

    private final MeterRegistry registry;
    private final Map<String, Timer> tries = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    private final Counter rateLimited;
    private final Counter bulkheadRejected;
    private final Counter retried;
    private final Counter timedOut;

    GuardMeters(MeterRegistry registry, Supplier<CircuitBreakerState> breaker) {
        this.registry = registry;
        tryTimer("success", "none");
        REFUSAL_REASONS.forEach(this::refusedCounter);
        rateLimited = Counter.builder(RATE_LIMIT_REJECTIONS).tag("scope", "global")
                .description("AssumeRole tries refused by a rate limit").register(registry);
        bulkheadRejected = Counter.builder("stsvend.sts.bulkhead.rejections")
                .description("AssumeRole calls refused because too many were in flight or waiting").register(registry);
        retried = Counter.builder("stsvend.sts.retries")
                .description("AssumeRole retries after a throttled or unavailable answer").register(registry);
        timedOut = Counter.builder("stsvend.sts.timeouts")
                .description("AssumeRole calls cut by the total timeout").register(registry);
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            Gauge.builder(CIRCUIT_BREAKER, () -> breaker.get() == state ? 1 : 0)
                    .tag("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("1 for the AssumeRole circuit breaker's current state").register(registry);
        }
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void bulkheadRejected() {
        bulkheadRejected.increment();
    }

    void retried() {
        retried.increment();
    }

    void timedOut() {
        timedOut.increment();
    }

    /** Times one try sent to STS, from subscription to its answer. */
    Uni<TemporaryCredentials> timeTry(Uni<TemporaryCredentials> call) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            return call
                    .invoke(() -> sample.stop(tryTimer("success", "none")))
                    .onFailure().invoke(e -> sample.stop(tryTimer("failure", e instanceof CodedException coded
                            ? coded.errorCode().code() : "internal")));
        });
    }

    /** @param reason one of {@link #REFUSAL_REASONS} */
    void refusedLocally(String reason) {
        refusedCounter(reason).increment();
    }

    private Timer tryTimer(String outcome, String code) {
        return tries.computeIfAbsent(outcome + '|' + code, k -> Timer.builder(ASSUME_ROLE)
                .tag("outcome", outcome).tag("code", code)
                .description("AssumeRole tries sent to STS, by outcome and error code").publishPercentileHistogram()
                .register(registry));
    }

    private Counter refusedCounter(String reason) {
        return refused.computeIfAbsent(reason, r -> Counter.builder(REFUSED).tag("reason", r)
                .description("AssumeRole calls refused before any try was sent to STS").register(registry));
    }
}
