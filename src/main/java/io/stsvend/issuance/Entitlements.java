package io.stsvend.issuance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.stsvend.grant.Claims;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantNarrowing;
import io.stsvend.identity.Caller;

import java.util.Map;

/**
 * Callers' {@link Entitlement}s, each worked out once per verified token rather than on every request: claims →
 * grants → canonical policy JSON → SHA-256 fingerprint → RoleSessionName → audit head was a tenth of a cached
 * request's CPU (bench/results).
 *
 * <p>Keyed by the identity of the caller's claims map, which the identity layer parses once per verification and
 * shares between every request that reuses it ({@link Caller#claims()}): never by claim values, so two tokens never
 * share an entry, and an entry lives no longer than the verified token that made it (weak keys), nor past
 * {@link #MAX_ENTRIES}. Only un-narrowed requests are kept (a narrowed one is worked out each time, as before), and
 * failures are never kept: a caller without grants is refused on each request by the rules, not by a memo.
 */
final class Entitlements {

    /** Callers kept at most; each entry is a few hundred bytes (grants, policy JSON, audit head). */
    static final int MAX_ENTRIES = 10_000;

    private final GrantMapper grantMapper;
    /** Maintenance on the reading thread, as {@code VerifiedTokenCache}'s (no common-pool wake-up per 16 reads). */
    private final Cache<Map<String, Object>, Entitlement> kept = Caffeine.newBuilder().weakKeys()
            .executor(Runnable::run).maximumSize(MAX_ENTRIES).build();

    Entitlements(GrantMapper grantMapper) {
        this.grantMapper = grantMapper;
    }

    /**
     * The caller's entitlement under {@code narrowing}.
     *
     * @throws io.stsvend.error.CodedException as {@link GrantMapper#grantsFor}, {@link GrantNarrowing#apply} and
     *                                         {@link Entitlement#of} do
     */
    Entitlement of(Caller caller, GrantNarrowing narrowing) {
        if (!narrowing.isNone()) {
            return workOut(caller, narrowing);
        }
        Entitlement entitlement = kept.getIfPresent(caller.claims());
        if (entitlement == null) {
            entitlement = workOut(caller, narrowing);
            kept.put(caller.claims(), entitlement);
        }
        return entitlement;
    }

    /** Entries kept now (for tests). */
    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    private Entitlement workOut(Caller caller, GrantNarrowing narrowing) {
        return Entitlement.of(caller.subject(),
                narrowing.apply(grantMapper.grantsFor(Claims.of(caller.subject(), caller::claim))));
    }
}
