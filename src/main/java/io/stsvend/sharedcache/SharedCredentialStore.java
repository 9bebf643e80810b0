package io.stsvend.sharedcache;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Port to the optional second-level cache shared by all replicas ({@code stsvend.shared-cache.*}). Keys and values
 * are opaque strings: {@link SharedFlight} hashes the keys and encrypts the values before they get here, so an
 * implementation never sees a subject or a secret.
 *
 * <p>Every method is non-blocking and may fail or hang (the engine is down or slow); callers bound each call with a
 * timeout and treat a failure as "no shared cache right now", never as a failed request. {@link #NONE} is the
 * implementation used when the shared cache is disabled.
 */
public interface SharedCredentialStore {

    /** The value stored under {@code key}, or empty. */
    Uni<Optional<String>> get(String key);

    /** Stores {@code value} under {@code key} for {@code ttl} (at least 1 ms), replacing any earlier value. */
    Uni<Void> put(String key, String value, Duration ttl);

    /** Sets {@code key} to {@code owner} for {@code ttl} only if it is absent ({@code SET NX PX}); true if it was. */
    Uni<Boolean> tryLock(String key, String owner, Duration ttl);

    /** Deletes {@code key} only if it still holds {@code owner}, so an expired and re-taken lock stays. */
    Uni<Void> unlock(String key, String owner);

    /** The values under {@code keys}, in their order, empty where absent ({@code MGET}); one round trip. */
    Uni<List<Optional<String>>> getAll(List<String> keys);

    /**
     * Sets the counter under {@code key} to the larger of its value plus one (absent counts as 0) and
     * {@code atLeast}, expiring {@code ttl} from now, in one atomic step; answers the new value.
     */
    Uni<Long> advance(String key, long atLeast, Duration ttl);

    /** Deletes {@code key}; true if it existed. */
    Uni<Boolean> delete(String key);

    /** False for {@link #NONE}: the issuer then calls STS directly, as without this port. */
    default boolean enabled() {
        return true;
    }

    /** The disabled store: holds nothing, and {@link #enabled()} is false so it is never consulted. */
    SharedCredentialStore NONE = new SharedCredentialStore() {
        @Override
        public Uni<Optional<String>> get(String key) {
            return Uni.createFrom().item(Optional.empty());
        }

        @Override
        public Uni<Void> put(String key, String value, Duration ttl) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Boolean> tryLock(String key, String owner, Duration ttl) {
            return Uni.createFrom().item(true);
        }

        @Override
        public Uni<Void> unlock(String key, String owner) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<List<Optional<String>>> getAll(List<String> keys) {
            return Uni.createFrom().item(Collections.nCopies(keys.size(), Optional.empty()));
        }

        @Override
        public Uni<Long> advance(String key, long atLeast, Duration ttl) {
            return Uni.createFrom().item(0L);
        }

        @Override
        public Uni<Boolean> delete(String key) {
            return Uni.createFrom().item(false);
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };
}
