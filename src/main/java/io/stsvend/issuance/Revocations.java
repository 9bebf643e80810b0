package io.stsvend.issuance;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sharedcache.SubjectRecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocation: evicting a subject's cached credentials and blocking new ones until a time, on every replica when the
 * shared cache is on, on this one otherwise.
 *
 * <p>Contract, on this replica: {@link #revoke} first records the block (if any), then evicts every
 * {@code sts-credentials} entry of the subject, so no request can refill the cache between the two. While
 * {@link #standing} answers a block, {@link CredentialIssuer} refuses the subject with {@code SUBJECT_BLOCKED}
 * before looking at the cache: a cached token is never served to a blocked subject.
 *
 * <p>Across replicas (shared cache on): {@link #revoke} then writes the block to the shared store (expiring with the
 * block, so it survives restarts of every replica) and bumps the subject's generation ({@link SubjectRecords}); every
 * replica reads both before serving or issuing ({@link #standing}, one {@code MGET}) and looks up credentials under
 * the current generation only, so it neither serves its own cached token nor finds one in the shared cache from
 * before the revoke. When the store cannot be reached: an admin call fails with {@code SHARED_CACHE_UNAVAILABLE}
 * (503, Retry-After) after it took effect here; a request is judged on what this replica knows, failing closed for
 * every block it set or last saw, and using the last generation it saw. So a revoke made elsewhere while this
 * replica cannot reach the store reaches it when the store answers again (the README's revocation window).
 *
 * <p>Memory is bounded ({@link #MAX_BLOCKS} blocks, as many remembered generations); everything is non-blocking.
 */
@ApplicationScoped
public class Revocations {

    /** The longest block one request may set. */
    public static final Duration MAX_BLOCK = Duration.ofDays(30);
    /** Active blocks held at once; bounds memory whatever admins do. */
    static final int MAX_BLOCKS = 100_000;

    /** What a request is judged on: whether the subject is blocked (until when) and its generation. */
    public record Standing(long generation, Optional<Instant> blockedUntil) {
    }

    /** What {@link #revoke} did: how many cache entries it evicted here, and the block's end if it set one. */
    public record Revoked(int evicted, Optional<Instant> blockedUntil) {
    }

    private final Cache cache;
    private final Clock clock;
    private final SubjectRecords shared;
    private final Duration retryAfter;
    private final Map<String, Instant> blocks = new ConcurrentHashMap<>();
    /** Shared-store reads in flight, per subject (see {@link #read}). */
    private final Map<String, CompletableFuture<Optional<SubjectRecords.Standing>>> reading =
            new ConcurrentHashMap<>();
    /** The generation last seen in the shared store per subject, for when it cannot be asked. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Long> generations = Caffeine.newBuilder()
            .maximumSize(MAX_BLOCKS).expireAfterWrite(SubjectRecords.GENERATION_TTL).build();

    @Inject
    public Revocations(@CacheName(CacheConfig.NAME) Cache cache, Clock clock, SubjectRecords shared,
                       SharedCacheConfig sharedConfig) {
        this.cache = cache;
        this.clock = clock;
        this.shared = shared;
        this.retryAfter = sharedConfig.retryInterval();
    }

    /**
     * Blocks {@code subject} for {@code block} (if present, 1 s to {@link #MAX_BLOCK}; a later revoke replaces an
     * earlier block) and evicts its cached credentials, here and (shared cache on) on every replica.
     *
     * @throws CodedException {@code BAD_REQUEST} for a block out of bounds, {@code RATE_LIMITED} when
     *                        {@link #MAX_BLOCKS} blocks are active; the Uni fails with
     *                        {@code SHARED_CACHE_UNAVAILABLE} when the revoke held here but not in the shared store
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
        Uni<Void> local = cache.invalidateIf(k -> isOf(k, subject));
        if (!shared.enabled()) {
            return local.replaceWith(new Revoked(evicted, until));
        }
        return local.chain(() -> shared.revoke(subject, until))
                .invoke(generation -> generations.asMap().merge(subject, generation, Math::max))
                .onFailure(SubjectRecords.Unreachable.class).transform(e -> unreachable("revoke"))
                .replaceWith(new Revoked(evicted, until));
    }

    /** True when revocations reach every replica (the shared cache is on), false when they hold on this one only. */
    public boolean reachesEveryReplica() {
        return shared.enabled();
    }

    /**
     * Lifts the subject's block, here and in the shared store; true if one was active (in either).
     * The Uni fails with {@code SHARED_CACHE_UNAVAILABLE} when the shared store did not answer.
     */
    public Uni<Boolean> lift(String subject) {
        Instant end = blocks.remove(subject);
        boolean here = end != null && clock.instant().isBefore(end);
        if (!shared.enabled()) {
            return Uni.createFrom().item(here);
        }
        return shared.lift(subject).map(there -> here || there)
                .onFailure(SubjectRecords.Unreachable.class).transform(e -> unreachable("lift"));
    }

    /**
     * The subject's standing for a request: the shared store's when it answers (which also updates what this replica
     * remembers), else this replica's own knowledge. Never fails.
     */
    public Uni<Standing> standing(String subject) {
        if (!shared.enabled()) {
            return Uni.createFrom().item(new Standing(0, localBlock(subject)));
        }
        return read(subject).map(answer -> answer.map(found -> remember(subject, found))
                .orElseGet(() -> new Standing(lastGeneration(subject), localBlock(subject))));
    }

    /**
     * One read of the shared store per subject at a time on this replica: concurrent requests of one subject (a
     * burst of parallel uploads, an app's fan-out) share the read in flight instead of each queueing a command on
     * the Redis pool, whose waiting list would overflow and mark the store unavailable for every subject.
     */
    private Uni<Optional<SubjectRecords.Standing>> read(String subject) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Optional<SubjectRecords.Standing>> pending = reading.computeIfAbsent(subject,
                    s -> shared.read(s).subscribeAsCompletionStage());
            pending.whenComplete((answer, failure) -> reading.remove(subject, pending));
            return Uni.createFrom().completionStage(pending);
        });
    }

    private Standing remember(String subject, SubjectRecords.Standing found) {
        // Never back: a Redis that lost its data (or evicted the record) answers 0, and going back to it would make
        // this replica serve a token it cached before a revoke it already knows of.
        long generation = found.generation() == 0 ? lastGeneration(subject)
                : generations.asMap().merge(subject, found.generation(), Math::max);
        found.blockedUntil().ifPresentOrElse(end -> {
            if (blocks.containsKey(subject) || blocks.size() < MAX_BLOCKS) {
                blocks.put(subject, end);
            }
        }, () -> blocks.remove(subject));
        return new Standing(generation, found.blockedUntil());
    }

    private long lastGeneration(String subject) {
        Long generation = generations.getIfPresent(subject);
        return generation == null ? 0 : generation;
    }

    /** The end of the subject's active block as this replica knows it; ended blocks are forgotten here. */
    private Optional<Instant> localBlock(String subject) {
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

    private CodedException unreachable(String action) {
        return new CodedException(ErrorCode.SHARED_CACHE_UNAVAILABLE, "The " + action + " took effect on this"
                + " replica only: the shared cache did not answer, so other replicas do not know of it. Retry it.",
                retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter);
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
