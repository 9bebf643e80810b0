package io.stsvend.issuance;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocation on this replica: evicting a subject's cached credentials and blocking new ones until a time.
 *
 * <p>Contract: {@link #revoke} first records the block (if any), then evicts every {@code sts-credentials} entry
 * whose {@link CredentialKey#subject()} is the subject, so no request can refill the cache between the two. While
 * {@link #blockedUntil} answers a time, {@link CredentialIssuer} refuses the subject with {@code SUBJECT_BLOCKED}
 * before looking at the cache: a cached token is never served to a blocked subject. The check is one map lookup.
 * Everything is in memory and non-blocking (Caffeine's key view and invalidation), safe on the event loop.
 *
 * <p>Scope: this replica only. A token already handed out stays valid at Alibaba until its {@code Expiration};
 * the shared cache (Redis) is not touched, see the README's revocation section.
 */
@ApplicationScoped
public class Revocations {

    /** The longest block one request may set. */
    public static final Duration MAX_BLOCK = Duration.ofDays(30);
    /** Active blocks held at once; bounds memory whatever admins do. */
    static final int MAX_BLOCKS = 100_000;

    private final Cache cache;
    private final Clock clock;
    private final Map<String, Instant> blocks = new ConcurrentHashMap<>();

    @Inject
    public Revocations(@CacheName(CacheConfig.NAME) Cache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** What {@link #revoke} did: how many cache entries it evicted, and the block's end if it set one. */
    public record Revoked(int evicted, Optional<Instant> blockedUntil) {
    }

    /**
     * Blocks {@code subject} for {@code block} (if present, 1 s to {@link #MAX_BLOCK}; a later revoke replaces an
     * earlier block) and evicts its cached credentials.
     *
     * @throws CodedException {@code BAD_REQUEST} for a block out of bounds, {@code RATE_LIMITED} when
     *                        {@link #MAX_BLOCKS} blocks are active
     */
    public Uni<Revoked> revoke(String subject, Optional<Duration> block) {
        Optional<Instant> until = block.map(this::until);
        until.ifPresent(end -> {
            if (!blocks.containsKey(subject) && blocks.size() >= MAX_BLOCKS) {
                purgeEnded();
                if (blocks.size() >= MAX_BLOCKS) {
                    throw new CodedException(ErrorCode.RATE_LIMITED,
                            "Too many subjects are blocked at once; lift some blocks first.", Duration.ofMinutes(1));
                }
            }
            blocks.put(subject, end);
        });
        int evicted = (int) cache.as(CaffeineCache.class).keySet().stream().filter(k -> isOf(k, subject)).count();
        return cache.invalidateIf(k -> isOf(k, subject)).replaceWith(new Revoked(evicted, until));
    }

    /** Lifts the subject's block; true if one was active. */
    public boolean lift(String subject) {
        Instant end = blocks.remove(subject);
        return end != null && clock.instant().isBefore(end);
    }

    /** The end of the subject's active block, if any; ended blocks are forgotten here. */
    public Optional<Instant> blockedUntil(String subject) {
        Instant end = blocks.get(subject);
        if (end == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(end)) {
            blocks.remove(subject, end);
            return Optional.empty();
        }
        return Optional.of(end);
    }

    private Instant until(Duration block) {
        if (block.compareTo(Duration.ofSeconds(1)) < 0 || block.compareTo(MAX_BLOCK) > 0) {
            throw new CodedException(ErrorCode.BAD_REQUEST, "A block lasts 1 second to 30 days.");
        }
        return clock.instant().plus(block).truncatedTo(ChronoUnit.MILLIS);
    }

    private void purgeEnded() {
        Instant now = clock.instant();
        blocks.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
    }

    private static boolean isOf(Object key, String subject) {
        return key instanceof CredentialKey k && k.subject().equals(subject);
    }
}
