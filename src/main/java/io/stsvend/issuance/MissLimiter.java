package io.stsvend.issuance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-subject miss limit of {@link MissLimitConfig}, as a generic cell rate algorithm: a subject may cause
 * {@code perSubject} misses at once, then one more per {@code window / perSubject}. A miss whose AssumeRole was
 * never sent is given back ({@link #refund}). The state per subject is one
 * instant (the theoretical arrival time), updated with compare-and-set, so the check never locks.
 *
 * <p>Memory is bounded: at most {@code trackedSubjects} subjects are remembered, and a subject idle for a whole
 * window is forgotten (it would be allowed a full burst again anyway). Time comes from the injected {@link Clock},
 * for both the limit and the forgetting.
 */
@ApplicationScoped
public class MissLimiter {

    private final Clock clock;
    private final Duration interval;
    private final Duration tolerance;
    private final Cache<String, AtomicReference<Instant>> arrivals;

    public MissLimiter(MissLimitConfig config, Clock clock) {
        this.clock = clock;
        this.interval = config.window().dividedBy(config.perSubject());
        this.tolerance = config.window().minus(interval);
        this.arrivals = Caffeine.newBuilder()
                .maximumSize(config.trackedSubjects())
                .expireAfterAccess(config.window())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * Counts one miss for {@code subject} if its budget allows.
     *
     * @return empty when allowed; otherwise how long until the next miss would be allowed
     */
    public Optional<Duration> tryAcquire(String subject) {
        AtomicReference<Instant> cell = arrivals.get(subject, s -> new AtomicReference<>(Instant.MIN));
        Instant now = clock.instant();
        while (true) {
            Instant seen = cell.get();
            Instant start = seen.isAfter(now) ? seen : now;
            Duration ahead = Duration.between(now, start);
            if (ahead.compareTo(tolerance) > 0) {
                return Optional.of(ahead.minus(tolerance));
            }
            if (cell.compareAndSet(seen, start.plus(interval))) {
                return Optional.empty();
            }
        }
    }

    /**
     * Gives back one miss counted by {@link #tryAcquire} whose AssumeRole was never sent (refused locally), so only
     * calls that reached STS spend a subject's budget.
     */
    void refund(String subject) {
        AtomicReference<Instant> cell = arrivals.getIfPresent(subject);
        if (cell != null) {
            cell.updateAndGet(arrival -> arrival.minus(interval));
        }
    }
}
