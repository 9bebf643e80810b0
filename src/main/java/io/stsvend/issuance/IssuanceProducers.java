package io.stsvend.issuance;

import io.quarkus.arc.DefaultBean;
import io.stsvend.grant.GrantMapper;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Beans of the issuance layer that are plain objects: the grant mapper and the clock. */
public class IssuanceProducers {

    @Produces
    @Singleton
    GrantMapper grantMapper(GrantsConfig config) {
        return GrantRules.from(config).mapper();
    }

    /** UTC system clock; tests replace it with a clock they move. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
