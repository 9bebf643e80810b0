package io.stsvend.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.stsvend.api.CredentialsResponse;
import io.stsvend.testing.TestJwksConfig;
import io.stsvend.testing.TestVerifiedCacheConfig;
import io.stsvend.grant.Claims;
import io.stsvend.grant.Grant;
import io.stsvend.grant.GrantMapper;
import io.stsvend.grant.SessionPolicy;
import io.stsvend.identity.Caller;
import io.stsvend.identity.JwksJwtParser;
import io.stsvend.identity.JwksKeys;
import io.stsvend.identity.VerifiedTokens;
import io.stsvend.issuance.CachedEntries;
import io.stsvend.sts.TemporaryCredentials;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.OutputStreamHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static io.stsvend.testing.TestClaims.claims;

/**
 * The hot path of {@code GET /credentials} taken apart, one benchmark per step, on the same inputs the service sees
 * (a 2048-bit RS256 JWT, the default grant rules, a cache of 1,000 users, a 600-character SecurityToken). Run by
 * bench/run.sh; the sum of the parts against the end-to-end figures shows where time goes outside our code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmark {

    private static final String ISSUER = "https://stsvend.local/demo";
    private static final int USERS = 1_000;

    private DefaultJWTParser parser;
    private String jwt;
    private byte[] signedPart;
    private byte[] signature;
    private KeyPair keys;
    private GrantMapper mapper;
    private Claims claims;
    private AsyncCache<Object, Object> cache;
    private String fingerprint;
    private ObjectMapper json;
    private CredentialsResponse response;
    private final Map<String, JsonWebToken> verifiedTokens = new ConcurrentHashMap<>();
    /** The service's bearer-token parser with its verified-token cache on (issue 16 lever 1, as wired). */
    private JwksJwtParser cachedParser;
    /** smallrye-jwt's principal (claims parsed again by Caller) and ours (claims parsed once per verification). */
    private JsonWebToken plainToken;
    private JsonWebToken verifiedToken;
    private Map<String, Object> auditEvent;
    private OutputStreamHandler auditHandler;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        jwt = Jwt.subject("user42").issuer(ISSUER).audience("stsvend").expiresIn(3600).sign(keys.getPrivate());
        JWTAuthContextInfo info = new JWTAuthContextInfo((java.security.interfaces.RSAPublicKey) keys.getPublic(),
                ISSUER);
        info.setExpectedAudience(java.util.Set.of("stsvend"));
        parser = new DefaultJWTParser(info);
        int dot = jwt.lastIndexOf('.');
        signedPart = jwt.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        verifiedTokens.put(jwt, parser.parse(jwt));
        JwksKeys noJwks = new JwksKeys(null, TestJwksConfig.defaults(), java.time.Clock.systemUTC());
        cachedParser = new JwksJwtParser(info, noJwks,
                new VerifiedTokens(new TestVerifiedCacheConfig(true, Duration.ofMinutes(5), 10_000), noJwks));
        plainToken = parser.parse(jwt);
        verifiedToken = cachedParser.parse(jwt);
        Caller.from(verifiedToken);
        auditEvent = new java.util.LinkedHashMap<>();
        auditEvent.put("event", "credential-issuance");
        auditEvent.put("subject", "user42");
        auditEvent.put("roleSessionName", "user42");
        auditEvent.put("policyFingerprint", "PW3l7rGWIBpLYFkn3y1GNjVf1HrwGrgF2LMXhuDR-iQ");
        auditEvent.put("grants", List.of("app-bucket/users/user42/:read,write,delete,list"));
        auditEvent.put("cache", "hit");
        auditEvent.put("outcome", "ok");
        auditEvent.put("stsRequestId", "7301A96B-1152-49D7-9C04-6BEDC2A96C23");
        auditEvent.put("latencyMs", 0);
        auditHandler = new OutputStreamHandler(new java.io.FileOutputStream("/dev/null"),
                new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n"));
        auditHandler.setAutoFlush(true);

        mapper = BenchFixtures.defaultRules();
        claims = claims("user42");
        cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).recordStats()
                .buildAsync();
        for (int i = 0; i < USERS; i++) {
            String fingerprint = SessionPolicy.of(mapper.grantsFor(claims("user" + i))).fingerprint();
            cache.put(CachedEntries.key("user" + i, fingerprint, BenchFixtures.ROLE_ARN),
                    CompletableFuture.completedFuture(CachedEntries.filledSlot(BenchFixtures.credentials(600))));
        }
        fingerprint = SessionPolicy.of(mapper.grantsFor(claims)).fingerprint();

        json = new ObjectMapper();
        TemporaryCredentials credentials = BenchFixtures.credentials(BenchFixtures.TOKEN_LENGTH);
        response = new CredentialsResponse(credentials.accessKeyId(), credentials.accessKeySecret(),
                credentials.securityToken(), "2026-11-30T03:00:00Z", "cn-hangzhou", "http://127.0.0.1:18082",
                List.of(new CredentialsResponse.GrantView("app-bucket", "users/user42/",
                        List.of("read", "write", "delete", "list"), null)));
    }

    /** smallrye-jwt's full verification: parse, RS256 signature, issuer, audience, lifetime. */
    @Benchmark
    public JsonWebToken jwtVerify() throws ParseException {
        return parser.parse(jwt);
    }

    /** The RSA-2048 signature check alone, to split jwtVerify into crypto and JOSE/JSON work. */
    @Benchmark
    public boolean rsaVerifyOnly() throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(signedPart);
        return verifier.verify(signature);
    }

    /** What a cache of verified tokens (keyed by the token string) would cost instead of jwtVerify. */
    @Benchmark
    public JsonWebToken verifiedTokenLookup() {
        return verifiedTokens.get(jwt);
    }

    /** The wired cache's hit: SHA-256 of the token string, a Caffeine lookup, the lifetime check. */
    @Benchmark
    public JsonWebToken jwtVerifyCached() throws ParseException {
        return cachedParser.parse(jwt);
    }

    /** Caller.from on smallrye-jwt's own principal: the payload parsed with Jackson a second time. */
    @Benchmark
    public Caller callerReparsed() {
        return Caller.from(plainToken);
    }

    /** Caller.from on the cached verification: the claims it parsed once, reused. */
    @Benchmark
    public Caller callerFromVerified() {
        return Caller.from(verifiedToken);
    }

    /** Claims → grants → canonical session policy JSON → SHA-256 fingerprint (done on every request). */
    @Benchmark
    public String grantsAndFingerprint() {
        List<Grant> grants = mapper.grantsFor(claims);
        return SessionPolicy.of(grants).fingerprint();
    }

    /** Claims → grants alone: what a key made of the grants (instead of the policy's fingerprint) would cost. */
    @Benchmark
    public int grantsOnly() {
        return mapper.grantsFor(claims).hashCode();
    }

    /** Key construction, Caffeine lookup among 1,000 users, the slot's freshness check, and unpacking its token. */
    @Benchmark
    public Object cacheLookup() {
        CompletableFuture<Object> slot = cache.getIfPresent(CachedEntries.key("user42", fingerprint,
                BenchFixtures.ROLE_ARN));
        return CachedEntries.hit(slot.join());
    }

    /**
     * Issue 16 lever 2: one audit line as the service wrote it on the event loop before lines were queued for the
     * audit trail's own thread (io.stsvend.audit.AuditWriter), in one thread, so without the lock contention that
     * cost most in the service — a JSON object of the audit
     * event's shape, a log record, Quarkus's default console pattern, and a flushed write (to /dev/null: the write
     * system call without a reader on the other end).
     */
    @Benchmark
    public void auditLine() throws Exception {
        ExtLogRecord record = new ExtLogRecord(java.util.logging.Level.INFO, json.writeValueAsString(auditEvent),
                ExtLogRecord.FormatStyle.NO_FORMAT, HotPathBenchmark.class.getName());
        record.setLoggerName("stsvend.audit");
        auditHandler.publish(record);
    }

    @Benchmark
    public byte[] serializeResponse() throws Exception {
        return json.writeValueAsBytes(response);
    }
}
