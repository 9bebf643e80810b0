package io.stsvend.sharedcache;

import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A subject's revocation state in the shared store, seen alike by every replica: its <em>generation</em>, a number
 * every revoke raises (to the revoke's time in epoch milliseconds, or one more than before if that is larger, so it
 * keeps rising even after Redis lost its data) and every credential key carries
 * ({@link SharedKey#generation()}), so no replica finds a token cached before the revoke; and its
 * <em>block</em>, the block's end (epoch milliseconds) under a key that expires with the block. Both are named by
 * {@link CredentialSealer#subjectIndex}, never by the subject.
 *
 * <p>Contract: {@link #read} answers empty, never fails, when the store cannot be asked (disabled, staying away after
 * a failure as {@link StoreAvailability} says, failed, or slower than {@code operation-timeout}); {@link #revoke} and
 * {@link #lift} fail with {@link Unreachable} then, so an admin is never told a revoke went through that did not.
 * One command each ({@code MGET}, an advance script, {@code SET PX}, {@code DEL}); non-blocking.
 */
public final class SubjectRecords {

    /**
     * How long a generation outlives its last revoke: longer than any token stays cached (STS issues at most 12 h),
     * so once it expires no credential of an older generation is left to find, and Redis does not keep a counter per
     * revoked subject for ever.
     */
    public static final Duration GENERATION_TTL = Duration.ofHours(25);

    /** What the store says of a subject. */
    public record Standing(long generation, Optional<Instant> blockedUntil) {

        static final Standing NEVER_REVOKED = new Standing(0, Optional.empty());
    }

    /** The store did not answer, or was not asked because it failed moments ago. */
    public static final class Unreachable extends RuntimeException {
        Unreachable() {
            super("shared store unreachable", null, false, false);
        }
    }

    private final SharedCredentialStore store;
    private final CredentialSealer sealer;
    private final StoreAvailability availability;
    private final Duration operationTimeout;
    private final Clock clock;
    private final Runnable onUnanswered;

    SubjectRecords(SharedCredentialStore store, CredentialSealer sealer, StoreAvailability availability,
                   Duration operationTimeout, Clock clock, Runnable onUnanswered) {
        this.onUnanswered = onUnanswered;
        this.store = store;
        this.sealer = sealer;
        this.availability = availability;
        this.operationTimeout = operationTimeout;
        this.clock = clock;
    }

    /** True when a shared store is configured; otherwise there are no records to read or write. */
    public boolean enabled() {
        return store.enabled();
    }

    /** The subject's standing, or empty when the store cannot tell now. */
    public Uni<Optional<Standing>> read(String subject) {
        if (!store.enabled() || !availability.tryUse()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String name = sealer.subjectIndex(subject);
        return bounded(store.getAll(List.of(name + "gen", name + "block")))
                .map(values -> Optional.of(new Standing(values.get(0).map(SubjectRecords::number).orElse(0L),
                        values.get(1).map(SubjectRecords::number).map(Instant::ofEpochMilli)
                                .filter(clock.instant()::isBefore))))
                .onFailure().invoke(failure -> onUnanswered.run())
                .onFailure().recoverWithItem(Optional.empty());
    }

    /** Records the block (if any, ending at {@code until}), then bumps the generation; answers the new one. */
    public Uni<Long> revoke(String subject, Optional<Instant> until) {
        if (!availability.tryUse()) {
            return Uni.createFrom().failure(new Unreachable());
        }
        String name = sealer.subjectIndex(subject);
        Uni<Void> blocked = until.map(end -> bounded(store.put(name + "block", Long.toString(end.toEpochMilli()),
                Duration.between(clock.instant(), end)))).orElse(Uni.createFrom().voidItem());
        return blocked.chain(() -> bounded(store.advance(name + "gen", clock.millis(), GENERATION_TTL)))
                .onFailure().transform(failure -> new Unreachable());
    }

    /** Deletes the block record; true if there was one. */
    public Uni<Boolean> lift(String subject) {
        if (!availability.tryUse()) {
            return Uni.createFrom().failure(new Unreachable());
        }
        return bounded(store.delete(sealer.subjectIndex(subject) + "block"))
                .onFailure().transform(failure -> new Unreachable());
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // Not written by stsvend: read as "never revoked" rather than failing every request of the subject.
            return 0;
        }
    }

    /** One command, bounded by {@code operation-timeout}; its result updates the availability the flight shares. */
    private <T> Uni<T> bounded(Uni<T> command) {
        return command.ifNoItem().after(operationTimeout).fail()
                .invoke(availability::succeeded)
                .onFailure().invoke(availability::failed);
    }
}
