package io.stsvend.issuance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuance meters. {@code stsvend.credentials.requests} counts requests by {@code outcome} (hit, miss, shared, or
 * the error code); {@code stsvend.sts.assume-role} times AssumeRole calls by {@code outcome} (success or the error
 * code). Tag values come only from closed sets, never from callers. Meters are created once and reused.
 */
@ApplicationScoped
public class IssuanceMetrics {

    static final String REQUESTS = "stsvend.credentials.requests";
    static final String ASSUME_ROLE = "stsvend.sts.assume-role";

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> assumeRole = new ConcurrentHashMap<>();

    public IssuanceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void requestServed(CacheOutcome outcome) {
        requestCounter(outcome.label()).increment();
    }

    void requestFailed(ErrorCode code) {
        requestCounter(code.code()).increment();
    }

    <T> Uni<T> timeAssumeRole(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            return call
                    .invoke(() -> sample.stop(assumeRoleTimer("success")))
                    .onFailure().invoke(e -> sample.stop(assumeRoleTimer(
                            e instanceof CodedException c ? c.errorCode().code() : ErrorCode.INTERNAL.code())));
        });
    }

    private Counter requestCounter(String outcome) {
        return requests.computeIfAbsent(outcome, o -> Counter.builder(REQUESTS).tag("outcome", o)
                .description("Credential requests by outcome").register(registry));
    }

    private Timer assumeRoleTimer(String outcome) {
        return assumeRole.computeIfAbsent(outcome, o -> Timer.builder(ASSUME_ROLE).tag("outcome", o)
                .description("AssumeRole calls by outcome").publishPercentileHistogram().register(registry));
    }
}
