package io.stsvend.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.mutiny.Uni;
import io.stsvend.audit.AuditEvent;
import io.stsvend.audit.AuditTrail;
import io.stsvend.grant.Claims;
import io.stsvend.grant.Grant;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.identity.Caller;
import io.stsvend.identity.VerifiedTokenCache;
import io.stsvend.issuance.CacheOutcome;
import io.stsvend.issuance.IssuedCredentials;
import io.stsvend.sts.TemporaryCredentials;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the request path once per round on synthetic data before the service reports ready, so that a fresh
 * process's first real requests do not pay class loading and first-call initialisation on the event loop: RS256 JWT
 * verification of a fixed synthetic token (its own public key and issuer, never the configured ones) the first time,
 * and from then on the verified-token cache's hit path (SHA-256 of the token, lookup, lifetime check) as a repeated
 * token takes it, in a throwaway {@link VerifiedTokenCache} of its own; claims → grants with the configured rules,
 * session policy rendering and fingerprint, the audit line's head (rendered, never written), the Mutiny steps a
 * miss's AssumeRole result goes through (on an item at hand, not STS's), and JSON serialisation of a 200 body with
 * dummy credentials.
 *
 * <p>It never calls STS, touches none of the service's caches, meters or audit lines, and logs nothing but its
 * duration (or the class of what failed). Readiness entry {@code warmup} ({@link WarmupReadiness}) is DOWN until it
 * finished; a failure is logged as a WARN and still counts as finished, because the warm-up only saves time and the
 * service works without it.
 */
@ApplicationScoped
public class RequestPathWarmup {

    /**
     * Rounds of the whole path: the first loads the classes, the rest give the interpreter's profiles a start. Ten,
     * not fifty: now that the warm-up runs beside the start it ends last, and from the AOT cache the first round is
     * most of it (10 rounds 130-180 ms, 50 rounds 175-330 ms; no event-loop stall in the first requests either way).
     */
    static final int ROUNDS = 10;
    /** After the first round, a busy machine stops early rather than delay readiness for long. */
    static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Logger LOG = Logger.getLogger(RequestPathWarmup.class);
    private static final String ISSUER = "urn:stsvend:warmup";
    /**
     * A throwaway RSA 2048 public key (X.509, Base64) and an RS256 token it verifies: subject {@code warmup-user},
     * issuer {@link #ISSUER}, groups {@code [warmup]}, expiring in 2100. Signed once with a private key that was then
     * discarded, so that a start pays neither an RSA key generation nor the JWT builder's classes (about 0.3 s of a
     * core on this project's 2-core machines); the key verifies nothing but this token, in a parser of its own.
     */
    private static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxuUK9rOPrD11Dvos9Rudb5KYob2RvKUjxJfTwSnbo9IFmiAeMsjHF1to5PEL9Ftqi0Sh5cn6wmHRA/khXZFb2PaZRGwejZRsw6Y16jExV8hVpw33gPyEoUSWbXXXBo5GuIDXnI3G9X4MhsNP9hu8cs/lcFf6YK0sSJGaKOegl343+IO9MsEs7YzzYF11oeF7XS7+t6ULaEoBPbMStGBZh/fAe7WEILbo4Cqsz099cxSWb4X4kDKB8gEnpxnHAexCHFNFT6tC7bv37hs2mXZlk1zzS9oSMFC0ehkAyv1estbOnsl8KT8+v95EfsiXmqfO1Fc8IfgDUkGxXaoFOfXViQIDAQAB";
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3YXJtdXAtdXNlciIsImlzcyI6InVybjpzdHN2ZW5kOndhcm11cCIsImdyb3VwcyI6WyJ3YXJtdXAiXSwiaWF0IjoxNzk2MDgzMjAwLCJleHAiOjQxMDI0NDQ4MDAsImp0aSI6IjE3MWVjY2NkLWJmOGUtNDBlMy05YzAwLWYzNzUwMGYzMzZiZCJ9.G7SImBFyvQUQqQ7EVBMoIKWfpAcVtx7KR4YZ4nioMITGiseK_tgX3RE3bUWH26Ci5VGnfClPO2te0Nek4fDHEjRWDtb9Z2bDxhLZiNcnPc-mwS1Lo5PMp24uen1-BtILe2YPlCVmK2FvEG9qH3ZDciOyv3tP88Nk4DfMT1lhxNLwfmPhwhNZq4zoEO8N4tBWrhWaY4ka1me8Tt78ZmNvCROWTBcduGqr8DFhG9WR97OVVbcrfNJSC8N1OcMcRfWvnIbsVdelWE10bFHUCypGmL_tZw39oMWGzyN3SjM5dWvmRlszyk2Xt3oLwn0r49Zvq-yjFLQoLvQ8mfDwcfxCLg";

    private final GrantMapper grants;
    private final ObjectMapper json;
    private volatile boolean finished;
    private volatile int roundsRun;
    private volatile int verifiedCacheHits;

    public RequestPathWarmup(GrantMapper grants, ObjectMapper json) {
        this.grants = grants;
        this.json = json;
    }

    /**
     * Starts the warm-up in a thread of its own, beside the rest of the start: on two cores that took about 0.1 s off
     * launch → ready against running it in the startup thread. It starts as soon as the configuration checks
     * (priorities 1-3) passed, before local mode's emulators, the key set and the startup beans, because it ends
     * last (12 alternating starts from the AOT cache: median 1,071 ms against 1,092 at default priority, a gain
     * within the noise). In the training run that writes the image's AOT cache
     * ({@code -Dquarkus.appcds.generate=true}), {@link TrainingRequests} waits for this readiness entry, then sends the
     * listening server its first requests and exits, so the cache holds the request path's classes too.
     */
    void onStart(@Observes @Priority(4) StartupEvent event) {
        Thread thread = new Thread(this::run, "stsvend-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the rounds once; later calls do nothing. */
    synchronized void run() {
        if (finished) {
            return;
        }
        long started = System.nanoTime();
        try {
            DefaultJWTParser parser = new DefaultJWTParser(new JWTAuthContextInfo(publicKey(), ISSUER));
            TemporaryCredentials dummy = new TemporaryCredentials("warmup-key-id", "warmup-not-a-secret",
                    "warmup-not-a-token", Instant.now().plusSeconds(3600), "warmup-request");
            VerifiedTokenCache<JsonWebToken> verified = new VerifiedTokenCache<>(Clock.systemUTC(),
                    Duration.ofMinutes(5), 16);
            // The first round always runs: it is the one that loads the classes.
            for (int i = 0; i < ROUNDS && (i == 0 || System.nanoTime() - started < BUDGET_NANOS); i++) {
                round(verifiedOnce(verified, parser, TOKEN), dummy);
                roundsRun = i + 1;
            }
            LOG.debugf("Request-path warm-up: %d rounds in %d ms", roundsRun,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (Exception | LinkageError e) {
            // Only the class: a message could quote synthetic claims, and nothing here is worth more than a hint.
            LOG.warnf("Request-path warm-up stopped early (%s); the first requests may be slower",
                    e.getClass().getSimpleName());
        } finally {
            finished = true;
        }
    }

    /** As the bearer-token path does: an earlier verification of the same token, else verify and remember it. */
    private JsonWebToken verifiedOnce(VerifiedTokenCache<JsonWebToken> verified, DefaultJWTParser parser, String token)
            throws Exception {
        JsonWebToken earlier = verified.get(token).orElse(null);
        if (earlier != null) {
            verifiedCacheHits++;
            return earlier;
        }
        JsonWebToken parsed = parser.parse(token);
        verified.put(token, parsed, Instant.ofEpochSecond(parsed.getExpirationTime()), "warmup");
        return parsed;
    }

    private void round(JsonWebToken parsed, TemporaryCredentials dummy) throws Exception {
        Caller caller = Caller.from(parsed);
        List<Grant> mapped = grants.grantsFor(Claims.of(caller.subject(), caller::claim));
        // The synthetic caller rarely matches a rule; the worst case still renders every rule's statements.
        List<Grant> rendered = mapped.isEmpty() ? grants.worstCaseGrants() : mapped;
        if (!rendered.isEmpty()) {
            // As a caller's entitlement is worked out (issuance.Entitlement, once per new token, hit or miss); the
            // audit head's first rendering introspected its record with Jackson on an event loop (a 100 ms stall).
            SessionPolicy policy = SessionPolicy.of(rendered);
            AuditTrail.head(caller.subject(), caller.subject(), policy.fingerprint(), AuditEvent.describe(rendered));
        }
        // As CredentialIssuer.assumeRole hands STS's answer on: a fresh process's first miss linked these call sites
        // on an event loop (one stall of 126 ms seen by the bench on a busy machine).
        Uni.createFrom().item(dummy).onFailure(IllegalStateException.class).invoke(() -> { })
                .subscribeAsCompletionStage().toCompletableFuture().join();
        IssuedCredentials issued = new IssuedCredentials(dummy, rendered, CacheOutcome.HIT);
        json.writeValueAsBytes(CredentialsResponse.of(issued, "oss-warmup", "https://oss-warmup.invalid"));
    }

    private static RSAPublicKey publicKey() throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(PUBLIC_KEY)));
    }

    /** True once the rounds ran (or stopped early); what readiness waits for. */
    public boolean finished() {
        return finished;
    }

    /** How many whole rounds ran. */
    int roundsRun() {
        return roundsRun;
    }

    /** How many rounds took the verified-token cache's hit path instead of verifying again. */
    int verifiedCacheHits() {
        return verifiedCacheHits;
    }
}
