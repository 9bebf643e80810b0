package io.stsvend.sts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Meters of {@link AssumeRoleGuard}: {@code stsvend.rate-limit.rejections{scope=global}} (global AssumeRole limit),
 * {@code stsvend.sts.bulkhead.rejections}, {@code stsvend.sts.retries}, {@code stsvend.sts.timeouts}, and
 * {@code stsvend.sts.circuit-breaker{state}}, one gauge per state that reads 1 for the current state and 0 otherwise.
 */
final class GuardMeters {

    static final String RATE_LIMIT_REJECTIONS = "stsvend.rate-limit.rejections";
    static final String CIRCUIT_BREAKER = "stsvend.sts.circuit-breaker";

    private final Counter rateLimited;
    private final Counter bulkheadRejected;
    private final Counter retried;
    private final Counter timedOut;

    GuardMeters(MeterRegistry registry, Supplier<CircuitBreakerState> breaker) {
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
}
