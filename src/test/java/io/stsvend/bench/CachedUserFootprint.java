package io.stsvend.bench;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.issuance.CachedEntries;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.stsvend.testing.TestClaims.claims;

/**
 * Heap bytes per cached user: fills a Caffeine cache built like quarkus-cache's {@code sts-credentials} (async,
 * size-bounded, expire-after-access, stats) with the issuer's real key and slot objects for N users, and compares
 * heap used after full GCs before and after. Prints one line {@code FOOTPRINT users=N token=L bytesPerUser=B}.
 *
 * <p>Usage: {@code java -cp <test classpath> io.stsvend.bench.CachedUserFootprint [users] [tokenLength]}.
 */
public final class CachedUserFootprint {

    private static final Logger LOG = Logger.getLogger(CachedUserFootprint.class);

    private CachedUserFootprint() {
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int tokenLength = args.length > 1 ? Integer.parseInt(args[1]) : BenchFixtures.TOKEN_LENGTH;
        GrantMapper mapper = BenchFixtures.defaultRules();
        long before = BenchFixtures.usedHeapAfterGc();
        AsyncCache<Object, Object> cache = Caffeine.newBuilder().maximumSize(Math.max(users, 1))
                .expireAfterAccess(Duration.ofHours(1)).recordStats().buildAsync();
        for (int i = 0; i < users; i++) {
            // A subject the size of an OIDC provider's ("auth0|" + 24 hex digits; '|' is not a legal path value).
            String subject = "auth0-" + String.format("%024x", i);
            String fingerprint = SessionPolicy.of(mapper.grantsFor(claims(subject))).fingerprint();
            cache.put(CachedEntries.key(subject, fingerprint, BenchFixtures.ROLE_ARN),
                    CompletableFuture.completedFuture(CachedEntries.filledSlot(BenchFixtures.credentials(tokenLength))));
        }
        long after = BenchFixtures.usedHeapAfterGc();
        long size = cache.synchronous().estimatedSize();
        // The one line bench/run.sh parses; stdout on purpose (this is a command-line measurement, not the service).
        System.out.printf("FOOTPRINT users=%d token=%d entries=%d bytesPerUser=%d%n", users, tokenLength, size,
                (after - before) / Math.max(users, 1));
        LOG.debugf("heap before %d, after %d", before, after);
    }
}
