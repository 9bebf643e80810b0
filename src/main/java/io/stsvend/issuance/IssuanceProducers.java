package io.stsvend.issuance;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.stsvend.grant.GrantMapper;
import io.stsvend.sharedcache.SharedCacheConfig;
import io.stsvend.sharedcache.SharedCredentialStore;
import io.stsvend.sharedcache.SharedFlight;
import io.stsvend.sharedcache.SubjectRecords;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Beans of the issuance layer that are plain objects: the grant mapper, the shared-cache flight, the
 * shared revocation records and the clock. */
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

    /** Revocation records on the shared store, sharing the flight's availability (inert when it is disabled). */
    @Produces
    @Singleton
    SubjectRecords subjectRecords(SharedFlight flight, Clock clock) {
        return flight.subjectRecords(clock);
    }

    /** UTC system clock; tests replace it with a clock they move. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
