package io.stsvend.issuance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stsvend.error.ErrorCode;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuance meters; tag values come only from closed sets, never from callers, and meters are created once.
 * <ul>
 *   <li>{@code stsvend.credentials.requests{outcome}}: requests by hit, miss (this replica called STS), shared,
 *       remote (a local miss served from the shared cache), or the error code;</li>
 *   <li>{@code stsvend.credentials.refreshes{outcome}}: background refreshes, success or failure;</li>
 *   <li>{@code stsvend.rate-limit.rejections{scope=subject}}: misses refused by the per-subject limit.</li>
 * </ul>
 * AssumeRole's own meters (tries sent, refusals) are the STS guard's. The counters above exist from startup at zero
 * (error-code outcomes appear with their first occurrence). Cache size and evictions come from quarkus-cache's own meters ({@code cache.size}, {@code cache.evictions} with
 * {@code cache=sts-credentials}).
 *
 * <p>quarkus-cache binds those cache meters to Micrometer's JVM-wide {@link Metrics#globalRegistry}, not to this
 * application's registry, and a meter registered again under the same id is the old one, reading the old cache. So
 * when this application stops it removes them: an application started later in the same JVM (a dev-mode reload, the
 * next Quarkus test) then binds its own cache instead of reporting a stopped one's.
 */
@Startup
@ApplicationScoped
public class IssuanceMetrics {

    static final String REQUESTS = "stsvend.credentials.requests";
    static final String REFRESHES = "stsvend.credentials.refreshes";
    static final String RATE_LIMIT_REJECTIONS = "stsvend.rate-limit.rejections";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** The served outcomes' counters, found without building a key on every request. */
    private final Map<CacheOutcome, Counter> served = new EnumMap<>(CacheOutcome.class);

    public IssuanceMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Exported from startup at zero, so a scrape or a rate() never starts from a missing series.
        for (CacheOutcome outcome : CacheOutcome.values()) {
            served.put(outcome, counter(REQUESTS, "outcome", outcome.label(), "Credential requests by outcome"));
        }
        counter(REFRESHES, "outcome", "success", "Background refreshes by outcome");
        counter(REFRESHES, "outcome", "failure", "Background refreshes by outcome");
        counter(RATE_LIMIT_REJECTIONS, "scope", "subject", "AssumeRole tries refused by a rate limit");
    }

    void unbindCacheMeters(@Observes ShutdownEvent event) {
        Metrics.globalRegistry.getMeters().stream()
                .filter(meter -> CacheConfig.NAME.equals(meter.getId().getTag("cache")))
                .forEach(Metrics.globalRegistry::remove);
    }

    void requestServed(CacheOutcome outcome) {
        served.get(outcome).increment();
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

    private Counter counter(String name, String tag, String value, String description) {
        return counters.computeIfAbsent(name + '|' + value,
                k -> Counter.builder(name).tag(tag, value).description(description).register(registry));
    }
}
