package io.stsvend.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sharedcache.SharedCredentialStore;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Chooses the shared credential store: Redis when {@code stsvend.shared-cache.enabled}, otherwise
 * {@link SharedCredentialStore#NONE}. The Redis client is only looked up when enabled; it connects on first use.
 */
public class SharedStoreProducer {

    @Produces
    @Singleton
    SharedCredentialStore sharedStore(SharedCacheConfig config, Instance<ReactiveRedisDataSource> redis) {
        return config.enabled() ? new RedisCredentialStore(redis.get()) : SharedCredentialStore.NONE;
    }
}
