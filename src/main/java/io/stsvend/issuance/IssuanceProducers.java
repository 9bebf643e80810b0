package io.stsvend.issuance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.stsvend.grant.GrantMapper;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Beans of the issuance layer that are plain objects: the grant mapper, the shared-cache flight and the clock. */
public class IssuanceProducers {

    @Produces
    @Singleton
    GrantMapper grantMapper(GrantsConfig config) {
        return GrantRules.from(config).mapper();
    }

    /** Cross-replica single flight on the shared store (a pass-through when the shared cache is disabled). */
    @Produces
    @Singleton
    SharedFlight sharedFlight(SharedCredentialStore store, SharedCacheConfig config, MeterRegistry registry,
                              Clock clock) {
        return new SharedFlight(store, config, registry, clock);
    }

    /** UTC system clock; tests replace it with a clock they move. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
