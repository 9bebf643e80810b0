package io.stsvend.issuance;

import io.stsvend.sts.ResilienceConfig;
import io.stsvend.sts.StsConfig;

import java.time.Duration;

/**
 * Startup rules for {@code stsvend.resilience.*}: every bound documented on {@link ResilienceConfig}, the retry
 * delays' order (jitter ≤ initial ≤ max ≤ total timeout), and the global rate limit staying within the account's
 * AssumeRole quota per second ({@code rate-limit.account-quota}, Alibaba's default 100).
 */
final class ResilienceChecks {

    private static final String P = "stsvend.resilience.";

    private ResilienceChecks() {
    }

    static void check(ResilienceConfig config, StsConfig sts, Problems problems) {
        Duration total = config.totalTimeout();
        problems.within(P + "total-timeout", total, Duration.ofMillis(500), Duration.ofSeconds(60));
        if (total.compareTo(sts.connectTimeout()) < 0) {
            problems.add(P + "total-timeout: must be at least stsvend.sts.connect-timeout ("
                    + Problems.text(sts.connectTimeout()) + "), or a slow connection could never succeed");
        }
        problems.within(P + "bulkhead.max-concurrent", config.bulkhead().maxConcurrent(), 1, 1000);
        problems.within(P + "bulkhead.queue-size", config.bulkhead().queueSize(), 1, 10_000);
        retry(config.retry(), total, problems);
        breaker(config.circuitBreaker(), problems);
        rateLimit(config.rateLimit(), problems);
    }

    private static void retry(ResilienceConfig.Retry retry, Duration total, Problems problems) {
        problems.within(P + "retry.max-retries", retry.maxRetries(), 0, 10);
        problems.within(P + "retry.initial-delay", retry.initialDelay(), Duration.ofMillis(10), Duration.ofSeconds(10));
        if (retry.maxDelay().compareTo(retry.initialDelay()) < 0 || retry.maxDelay().compareTo(total) > 0) {
            problems.add(P + "retry.max-delay: must be between retry.initial-delay (" + Problems.text(retry.initialDelay())
                    + ") and total-timeout (" + Problems.text(total) + "), is " + Problems.text(retry.maxDelay()));
        }
        problems.within(P + "retry.jitter", retry.jitter(), Duration.ZERO, retry.initialDelay());
    }

    private static void breaker(ResilienceConfig.CircuitBreaker breaker, Problems problems) {
        problems.within(P + "circuit-breaker.request-volume-threshold", breaker.requestVolumeThreshold(), 1, 1000);
        if (!(breaker.failureRatio() > 0 && breaker.failureRatio() <= 1)) {
            problems.add(P + "circuit-breaker.failure-ratio: must be above 0 and at most 1, is " + breaker.failureRatio());
        }
        problems.within(P + "circuit-breaker.delay", breaker.delay(), Duration.ofMillis(100), Duration.ofMinutes(10));
        problems.within(P + "circuit-breaker.success-threshold", breaker.successThreshold(), 1,
                Math.max(1, breaker.requestVolumeThreshold()));
    }

    private static void rateLimit(ResilienceConfig.RateLimit limit, Problems problems) {
        problems.within(P + "rate-limit.limit", limit.limit(), 1, 10_000);
        problems.within(P + "rate-limit.window", limit.window(), Duration.ofMillis(100), Duration.ofHours(1));
        problems.within(P + "rate-limit.account-quota", limit.accountQuota(), 1, 100_000);
        double perSecond = limit.limit() * 1000.0 / Math.max(1, limit.window().toMillis());
        if (perSecond > limit.accountQuota()) {
            problems.add(P + "rate-limit: " + limit.limit() + " per " + Problems.text(limit.window()) + " exceeds the"
                    + " account's AssumeRole quota of " + limit.accountQuota() + " per second (rate-limit.account-quota)");
        }
    }
}
