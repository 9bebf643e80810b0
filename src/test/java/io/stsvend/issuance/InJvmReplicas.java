package io.stsvend.issuance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheImpl;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheInfo;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.stsvend.audit.AuditTrail;
import io.stsvend.grant.GrantMapper;
import io.stsvend.redis.RedisCredentialStore;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sharedcache.SharedFlight;
import io.stsvend.sts.StsConfig;
import io.stsvend.sts.StsGateway;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Builds more replicas inside a {@code @QuarkusTest} on the application's Redis and STS: each with its own local
 * (Caffeine) cache, its own shared-cache flight and availability, and its own revocation memory, as separate pods
 * have. A replica built again under the same name is a restarted pod: nothing of the old one is kept.
 */
@Dependent
public class InJvmReplicas {

    /** One replica's use case, revocations and flight. */
    public record Replica(CredentialIssuer issuer, Revocations revocations, SharedFlight flight) {
    }

    @Inject GrantMapper grantMapper;
    @Inject StsGateway sts;
    @Inject StsConfig stsConfig;
    @Inject CacheConfig cacheConfig;
    @Inject SharedCacheConfig sharedConfig;
    @Inject IssuanceMetrics metrics;
    @Inject MissLimiter missLimiter;
    @Inject AuditTrail audit;
    @Inject MeterRegistry registry;
    @Inject ReactiveRedisDataSource redis;

    /** A new replica named {@code name} whose clock is {@code time}. */
    public Replica start(Clock time, String name) {
        CaffeineCacheInfo info = new CaffeineCacheInfo();
        info.name = CacheConfig.NAME + "-" + name;
        info.maximumSize = 1000L;
        Cache local = new CaffeineCacheImpl(info, false);
        SharedFlight flight = new SharedFlight(new RedisCredentialStore(redis), sharedConfig, registry, time);
        Revocations revocations = new Revocations(local, time, flight.subjectRecords(time), sharedConfig);
        return new Replica(new CredentialIssuer(grantMapper, sts, stsConfig, cacheConfig, time, local, metrics,
                missLimiter, audit, flight, revocations), revocations, flight);
    }
}
