package io.stsvend.issuance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.ErrorCode;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuance meters; tag values come only from closed sets, never from callers, and meters are created once.
 * <ul>
 *   <li>{@code stsvend.credentials.requests{outcome}}: requests by hit, miss (this replica called STS), shared,
 *       remote (a local miss served from the shared cache), or the error code;</li>
 *   <li>{@code stsvend.sts.assume-role{outcome,code}}: AssumeRole latency histogram as the issuer sees it (guard,
 *       retries and backoff included), {@code outcome} success or failure, {@code code} none or the error code;</li>
 *   <li>{@code stsvend.credentials.refreshes{outcome}}: background refreshes, success or failure;</li>
 *   <li>{@code stsvend.rate-limit.rejections{scope=subject}}: misses refused by the per-subject limit.</li>
 * </ul>
 * Cache size and evictions come from quarkus-cache's own meters ({@code cache.size}, {@code cache.evictions} with
 * {@code cache=sts-credentials}).
 */
@ApplicationScoped
public class IssuanceMetrics {

    static final String REQUESTS = "stsvend.credentials.requests";
    static final String ASSUME_ROLE = "stsvend.sts.assume-role";
    static final String REFRESHES = "stsvend.credentials.refreshes";
    static final String RATE_LIMIT_REJECTIONS = "stsvend.rate-limit.rejections";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> assumeRole = new ConcurrentHashMap<>();

    public IssuanceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void requestServed(CacheOutcome outcome) {
        counter(REQUESTS, "outcome", outcome.label(), "Credential requests by outcome").increment();
    }

    void requestFailed(ErrorCode code) {
        counter(REQUESTS, "outcome", code.code(), "Credential requests by outcome").increment();
    }

    void refreshed(boolean success) {
        counter(REFRESHES, "outcome", success ? "success" : "failure", "Background refreshes by outcome").increment();
    }

    void missRateLimited() {
        counter(RATE_LIMIT_REJECTIONS, "scope", "subject", "AssumeRole tries refused by a rate limit").increment();
    }

    <T> Uni<T> timeAssumeRole(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(registry);
            return call
                    .invoke(() -> sample.stop(assumeRoleTimer("success", "none")))
                    .onFailure().invoke(e -> sample.stop(assumeRoleTimer("failure",
                            CredentialIssuer.codeOf(e).code())));
        });
    }

    private Counter counter(String name, String tag, String value, String description) {
        return counters.computeIfAbsent(name + '|' + value,
                k -> Counter.builder(name).tag(tag, value).description(description).register(registry));
    }

    private Timer assumeRoleTimer(String outcome, String code) {
        return assumeRole.computeIfAbsent(outcome + '|' + code, k -> Timer.builder(ASSUME_ROLE)
                .tag("outcome", outcome).tag("code", code)
                .description("AssumeRole calls by outcome and error code").publishPercentileHistogram()
                .register(registry));
    }
}
