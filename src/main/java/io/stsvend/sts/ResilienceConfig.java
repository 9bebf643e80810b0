package io.stsvend.sts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How every AssumeRole call is guarded ({@code stsvend.resilience.*}): a total timeout, retries of transient
 * failures, a circuit breaker, a global rate limit and a bulkhead. Bounds are checked at startup (all problems at
 * once) by {@code io.stsvend.issuance.ConfigurationCheck}; the guard is built from these values by
 * {@link AssumeRoleGuard}.
 */
@ConfigMapping(prefix = "stsvend.resilience")
public interface ResilienceConfig {

    /**
     * Longest a caller waits for one AssumeRole, retries and backoff included; then 503 {@code sts-unavailable}.
     * 500 ms to 60 s, default 10 s. The SDK's own connect and read timeouts ({@code stsvend.sts.*}) bound each try.
     */
    @WithDefault("10s")
    Duration totalTimeout();

    Bulkhead bulkhead();

    Retry retry();

    CircuitBreaker circuitBreaker();

    RateLimit rateLimit();

    /** Bounded concurrency towards STS on this replica. */
    interface Bulkhead {
        /** AssumeRole calls in flight at once, 1 to 1000, default 16. */
        @WithDefault("16")
        int maxConcurrent();

        /** Calls waiting for a free slot, 1 to 10000, default 64; beyond that 503 {@code sts-throttled}. */
        @WithDefault("64")
        int queueSize();
    }

    /** Retries of throttled or unavailable answers only, with jittered exponential backoff (factor 2). */
    interface Retry {
        /** Retries after the first try, 0 to 10, default 2. */
        @WithDefault("2")
        int maxRetries();

        /** Delay before the first retry, 10 ms to 10 s, default 200 ms; doubles on each retry. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** Longest delay between two tries, from initial-delay up to total-timeout, default 2 s. */
        @WithDefault("2s")
        Duration maxDelay();

        /** Random spread added to or taken from each delay, 0 up to initial-delay, default 100 ms. */
        @WithDefault("100ms")
        Duration jitter();
    }

    /** Stops calling an STS that keeps failing (unavailable or throttling), so callers get 503 at once. */
    interface CircuitBreaker {
        /** Size of the rolling window of recent tries, 1 to 1000, default 20. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed tries in the window that opens the breaker, above 0 up to 1, default 0.5. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting trial calls through, 100 ms to 10 min, default 10 s. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls that close a half-open breaker, 1 up to request-volume-threshold, default 2. */
        @WithDefault("2")
        int successThreshold();
    }

    /**
     * The account's AssumeRole quota (about 100 per second, shared by every replica) protected on this replica:
     * at most {@code limit} tries per rolling {@code window}. Set it to the quota divided by the replica count.
     */
    interface RateLimit {
        /** Tries per window, 1 to 10000, default 30; at most {@code account-quota} per second. */
        @WithDefault("30")
        int limit();

        /**
         * The account's AssumeRole quota per second, which {@code limit} per {@code window} may not exceed: 100
         * (Alibaba's default), 1 to 100000. Raise it only when Alibaba has raised the account's quota.
         */
        @WithDefault("100")
        int accountQuota();

        /** The rolling window, 100 ms to 1 h, default 1 s. */
        @WithDefault("1s")
        Duration window();
    }
}
