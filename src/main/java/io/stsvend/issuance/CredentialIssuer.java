package io.stsvend.issuance;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.stsvend.audit.AuditEvent;
import io.stsvend.audit.AuditTrail;
import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.GrantNarrowing;
import io.stsvend.identity.Caller;
import io.stsvend.sharedcache.SharedFlight;
import io.stsvend.sts.RefusedLocally;
import io.stsvend.sts.StsConfig;
import io.stsvend.sts.StsGateway;
import io.stsvend.sts.TemporaryCredentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The use case: caller → grants → session policy → a still-valid cached token, or one new AssumeRole.
 *
 * <p>Contract: never calls AssumeRole without a policy (no grants → {@code NO_GRANTS}); at most one AssumeRole in
 * flight per (subject, policy, role) key, joined by concurrent callers; a cached token is returned only while
 * {@link Freshness} allows, and refreshed in the background ahead of that ({@link CredentialSlot}); a subject's
 * misses are limited by {@link MissLimiter} ({@code RATE_LIMITED}); failures are never cached. Every attempt, and
 * every background refresh, writes one {@link AuditTrail} line. Runs on the caller's thread (the event loop) except
 * for the STS call, which the gateway runs off it. With the shared cache enabled ({@link SharedFlight}), a local miss
 * or refresh first looks in Redis and only one replica per key calls STS; hits never leave the replica. A miss served
 * from Redis is recorded as {@code REMOTE}, so {@code MISS} always means this replica called AssumeRole. Every
 * request first asks {@link Revocations} for the subject's standing (with the shared cache: one Redis read), refusing
 * a blocked subject and keying the cache by the subject's revocation generation.
 */
@ApplicationScoped
public class CredentialIssuer {

    private final Entitlements entitlements;
    private final StsGateway sts;
    private final StsConfig stsConfig;
    private final Freshness freshness;
    private final Cache cache;
    private final IssuanceMetrics metrics;
    private final MissLimiter missLimiter;
    private final AuditTrail audit;
    private final SharedFlight shared;
    private final Revocations revocations;

    @Inject
    public CredentialIssuer(GrantMapper grantMapper, StsGateway sts, StsConfig stsConfig, CacheConfig cacheConfig,
                            Clock clock, @CacheName(CacheConfig.NAME) Cache cache, IssuanceMetrics metrics,
                            MissLimiter missLimiter, AuditTrail audit, SharedFlight shared,
                            Revocations revocations) {
        this.entitlements = new Entitlements(grantMapper);
        this.sts = sts;
        this.stsConfig = stsConfig;
        this.freshness = new Freshness(clock, cacheConfig.minRemaining(), cacheConfig.refreshWindow(),
                cacheConfig.refreshBackoff());
        this.cache = cache;
        this.metrics = metrics;
        this.missLimiter = missLimiter;
        this.audit = audit;
        this.shared = shared;
        this.revocations = revocations;
    }

    public Uni<IssuedCredentials> issue(Caller caller) {
        return issue(caller, GrantNarrowing.none());
    }

    /**
     * Credentials for the caller's grants narrowed by {@code narrowing} ({@code FORBIDDEN} if it asks for more). The
     * narrowed grants render their own session policy, hence their own cache key: a token cached for a broader
     * request is never served for a narrower one, nor the other way round.
     */
    public Uni<IssuedCredentials> issue(Caller caller, GrantNarrowing narrowing) {
        long started = System.nanoTime();
        // Before the cache: a blocked subject never gets the token cached for it, and the generation names the
        // entries a revoke has not made stale.
        return revocations.standing(caller.subject()).chain(standing -> {
            IssuanceRequest request;
            try {
                if (standing.blockedUntil().isPresent()) {
                    throw new CodedException(ErrorCode.SUBJECT_BLOCKED,
                            "An administrator has suspended credentials for this user.");
                }
                request = new IssuanceRequest(entitlements.of(caller, narrowing), standing.generation(), started);
            } catch (CodedException e) {
                metrics.requestFailed(e.errorCode());
                audit.record(new AuditEvent(AuditEvent.EVENT, caller.subject(), null, null, null, null,
                        e.errorCode().code(), null, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
                return Uni.createFrom().failure(e);
            }
            return cache.<CredentialKey, CredentialSlot>get(request.key(stsConfig), k -> new CredentialSlot())
                    .chain(slot -> serve(slot, request));
        });
    }

    private Uni<IssuedCredentials> serve(CredentialSlot slot, IssuanceRequest request) {
        // Set if the issuance this request starts goes to STS; a MISS that never does was served from Redis.
        AtomicBoolean calledSts = new AtomicBoolean();
        CredentialSlot.Acquired acquired = slot.acquire(freshness, kind -> call(kind, request, calledSts));
        return Uni.createFrom().completionStage(acquired.credentials())
                .map(credentials -> new IssuedCredentials(credentials, request.grants(),
                        acquired.outcome() == CacheOutcome.MISS && !calledSts.get()
                                ? CacheOutcome.REMOTE : acquired.outcome()))
                .invoke(issued -> {
                    metrics.requestServed(issued.outcome());
                    request.audit(audit, issued.outcome(), AuditEvent.OK, issued.credentials().requestId(),
                            request.startedNanos());
                })
                .onFailure().invoke(failure -> {
                    ErrorCode code = codeOf(failure);
                    metrics.requestFailed(code);
                    request.audit(audit, acquired.outcome(), code.code(), null, request.startedNanos());
                });
    }

    /**
     * A local miss or refresh: the shared cache's value if it has a fresh one, otherwise one AssumeRole. A background
     * refresh is audited and counted here, however it was served (its line carries the token's STS request id).
     */
    private CompletableFuture<Freshness.Held> call(CacheOutcome kind, IssuanceRequest request,
                                                   AtomicBoolean calledSts) {
        long started = System.nanoTime();
        CompletableFuture<Freshness.Held> obtained = shared.obtain(request.key(stsConfig).shared(),
                freshness.forSharedCache(), () -> {
                    calledSts.set(true);
                    return assumeRole(kind, request);
                }).thenApply(Freshness.Held::of);
        if (kind == CacheOutcome.REFRESH) {
            obtained.whenComplete((held, failure) -> {
                metrics.refreshed(failure == null);
                request.audit(audit, CacheOutcome.REFRESH, failure == null ? AuditEvent.OK : codeOf(failure).code(),
                        failure == null ? held.credentials().requestId() : null, started);
            });
        }
        return obtained;
    }

    private CompletableFuture<TemporaryCredentials> assumeRole(CacheOutcome kind, IssuanceRequest request) {
        if (kind == CacheOutcome.MISS) {
            Optional<Duration> wait = missLimiter.tryAcquire(request.subject());
            if (wait.isPresent()) {
                metrics.missRateLimited();
                return CompletableFuture.failedFuture(new CodedException(ErrorCode.RATE_LIMITED,
                        "Too many new credentials were requested for this user; retry later.", wait.get()));
            }
        }
        Uni<TemporaryCredentials> call = sts.assumeRole(request.command(stsConfig));
        if (kind == CacheOutcome.MISS) {
            // Only an AssumeRole actually sent spends the subject's miss budget.
            call = call.onFailure(RefusedLocally.class).invoke(() -> missLimiter.refund(request.subject()));
        }
        return call.subscribeAsCompletionStage();
    }

    static ErrorCode codeOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof CodedException coded ? coded.errorCode() : ErrorCode.INTERNAL;
    }

}
