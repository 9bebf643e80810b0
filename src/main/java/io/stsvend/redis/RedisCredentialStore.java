package io.stsvend.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.stsvend.sharedcache.SharedCredentialStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link SharedCredentialStore} on Redis through quarkus-redis-client's reactive data source: {@code GET},
 * {@code SET PX}, {@code SET NX PX} for the lock, and a compare-and-delete script for unlocking, so a lock that
 * expired and was taken by another replica is left alone; {@code MGET}, {@code DEL}, and an advance-and-expire
 * script for the revocation records. Non-blocking; failures are passed to the caller as they
 * come. Values arrive already encrypted and keys already hashed.
 */
public final class RedisCredentialStore implements SharedCredentialStore {

    private static final String UNLOCK =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private static final String ADVANCE = "local v = math.max((tonumber(redis.call('get', KEYS[1])) or 0) + 1,"
            + " tonumber(ARGV[2])) redis.call('set', KEYS[1], string.format('%d', v), 'PX', ARGV[1]) return v";

    private final ReactiveRedisDataSource redis;

    public RedisCredentialStore(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<Optional<String>> get(String key) {
        return redis.execute("GET", key).map(response -> Optional.ofNullable(response).map(Object::toString));
    }

    @Override
    public Uni<Void> put(String key, String value, Duration ttl) {
        return redis.execute("SET", key, value, "PX", Long.toString(Math.max(1, ttl.toMillis()))).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> tryLock(String key, String owner, Duration ttl) {
        // SET ... NX answers OK when it set the key and nil when the key existed.
        return redis.execute("SET", key, owner, "NX", "PX", Long.toString(ttl.toMillis()))
                .map(response -> response != null);
    }

    @Override
    public Uni<Void> unlock(String key, String owner) {
        return redis.execute("EVAL", UNLOCK, "1", key, owner).replaceWithVoid();
    }

    @Override
    public Uni<List<Optional<String>>> getAll(List<String> keys) {
        return redis.execute("MGET", keys.toArray(String[]::new)).map(response -> {
            List<Optional<String>> values = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                values.add(Optional.ofNullable(response.get(i)).map(Object::toString));
            }
            return values;
        });
    }

    @Override
    public Uni<Long> advance(String key, long atLeast, Duration ttl) {
        return redis.execute("EVAL", ADVANCE, "1", key, Long.toString(Math.max(1, ttl.toMillis())),
                        Long.toString(atLeast))
                .map(response -> response.toLong());
    }

    @Override
    public Uni<Boolean> delete(String key) {
        return redis.execute("DEL", key).map(response -> response.toLong() > 0);
    }
}
