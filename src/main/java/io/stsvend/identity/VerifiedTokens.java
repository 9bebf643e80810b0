package io.stsvend.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;

/**
 * The application's verified-token cache: a repeat of the very same bearer token reuses its earlier successful
 * verification instead of checking the RSA signature and parsing the claims again (issue 16, lever 1). Built on
 * {@link VerifiedTokenCache} (exact-token SHA-256 keys, lifetime min({@code exp}, {@code ttl}) checked again at every
 * use, a hard size bound); entries verified by a key that leaves the JWKS are dropped by {@link JwksKeys}' refresh,
 * and a verification racing that refresh is not kept (see {@link #put}). Disabled: nothing is ever remembered.
 * Logs and meters nothing.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final VerifiedTokenCache<VerifiedJwt.Verification> cache;
    private final JwksKeys keys;

    @Inject
    public VerifiedTokens(VerifiedCacheConfig config, JwksKeys keys) {
        this.keys = keys;
        // Out-of-bounds settings stop the start (VerifiedCacheConfigCheck); until then they just switch the cache off.
        boolean usable = config.enabled() && VerifiedCacheConfigCheck.problems(config).isEmpty();
        // The system clock, not the application's: a cached entry must expire by the clock jose4j verified `exp`
        // with, or a test clock could keep a token alive that the verifier would refuse.
        this.cache = usable ? new VerifiedTokenCache<>(Clock.systemUTC(), config.ttl(), config.maximumSize()) : null;
        if (cache != null) {
            keys.onKeyRemoved(cache::invalidateKey);
        }
    }

    /** The earlier verification of exactly this token, if one is remembered and still within its lifetime. */
    Optional<VerifiedJwt.Verification> get(String token) {
        return cache == null ? Optional.empty() : cache.get(token);
    }

    /** What {@link #put} needs to know whether the key set changed while a token was being verified. */
    public long keyGeneration() {
        return keys.generation();
    }

    /**
     * Remembers a successful verification that started at key generation {@code generation}. Dropped again when a
     * key left the JWKS since: that refresh's invalidation may have run before this entry existed.
     */
    void put(String token, VerifiedJwt.Verification verified, long generation) {
        if (cache == null) {
            return;
        }
        cache.put(token, verified, verified.expiresAt(), verified.keyId());
        if (keys.generation() != generation) {
            cache.invalidateKey(verified.keyId());
        }
    }

    /** Entries held now (tests). */
    long size() {
        return cache == null ? 0 : cache.size();
    }
}
