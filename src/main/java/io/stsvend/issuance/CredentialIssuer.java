package io.stsvend.issuance;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.stsvend.error.CodedException;
import io.stsvend.grant.Claims;
import io.stsvend.grant.Grant;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.identity.Caller;
import io.stsvend.sts.AssumeRoleCommand;
import io.stsvend.sts.RoleSessionName;
import io.stsvend.sts.StsConfig;
import io.stsvend.sts.StsGateway;
import io.stsvend.sts.TemporaryCredentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The use case: caller → grants → session policy → a still-valid cached token, or one new AssumeRole.
 *
 * <p>Contract: never calls AssumeRole without a policy (no grants → {@code NO_GRANTS}); at most one AssumeRole in
 * flight per (subject, policy, role) key, joined by concurrent callers; a cached token is returned only while
 * {@link Freshness} allows; failures are never cached. Runs on the caller's thread (the event loop) except for the STS
 * call, which the gateway runs on a worker thread.
 */
@ApplicationScoped
public class CredentialIssuer {

    private final GrantMapper grantMapper;
    private final StsGateway sts;
    private final StsConfig stsConfig;
    private final Freshness freshness;
    private final Cache cache;
    private final IssuanceMetrics metrics;

    @Inject
    public CredentialIssuer(GrantMapper grantMapper, StsGateway sts, StsConfig stsConfig, CacheConfig cacheConfig,
                            Clock clock, @CacheName(CacheConfig.NAME) Cache cache, IssuanceMetrics metrics) {
        this.grantMapper = grantMapper;
        this.sts = sts;
        this.stsConfig = stsConfig;
        this.freshness = new Freshness(clock, cacheConfig.minRemaining());
        this.cache = cache;
        this.metrics = metrics;
    }

    public Uni<IssuedCredentials> issue(Caller caller) {
        List<Grant> grants;
        SessionPolicy policy;
        try {
            grants = grantMapper.grantsFor(claimsOf(caller));
            policy = SessionPolicy.of(grants);
        } catch (CodedException e) {
            metrics.requestFailed(e.errorCode());
            return Uni.createFrom().failure(e);
        }
        CredentialKey key = new CredentialKey(caller.subject(), policy.fingerprint(), stsConfig.roleArn());
        return cache.<CredentialKey, CredentialSlot>get(key, k -> new CredentialSlot())
                .chain(slot -> {
                    CredentialSlot.Acquired acquired = slot.acquire(freshness, () -> assumeRole(caller, policy));
                    return Uni.createFrom().completionStage(acquired.credentials())
                            .map(credentials -> new IssuedCredentials(credentials, grants, acquired.outcome()));
                })
                .invoke(issued -> metrics.requestServed(issued.outcome()))
                .onFailure(CodedException.class).invoke(e -> metrics.requestFailed(((CodedException) e).errorCode()));
    }

    private CompletableFuture<TemporaryCredentials> assumeRole(Caller caller, SessionPolicy policy) {
        AssumeRoleCommand command = new AssumeRoleCommand(stsConfig.roleArn(),
                RoleSessionName.fromSubject(caller.subject()), policy.json(), stsConfig.duration());
        return metrics.timeAssumeRole(sts.assumeRole(command)).subscribeAsCompletionStage();
    }

    private static Claims claimsOf(Caller caller) {
        return new Claims() {
            @Override
            public String subject() {
                return caller.subject();
            }

            @Override
            public Optional<Object> claim(String name) {
                return caller.claim(name);
            }
        };
    }
}
