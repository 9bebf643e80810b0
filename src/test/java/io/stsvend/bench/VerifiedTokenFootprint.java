package io.stsvend.bench;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import io.stsvend.identity.Caller;
import io.stsvend.identity.JwksJwtParser;
import io.stsvend.identity.JwksKeys;
import io.stsvend.identity.VerifiedTokens;
import io.stsvend.testing.TestJwksConfig;
import io.stsvend.testing.TestTokens;
import io.stsvend.testing.TestVerifiedCacheConfig;

import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Heap bytes per entry of the verified-token cache: verifies N distinct tokens through the service's parser (its
 * cache bounded at N), reads each caller's claims as a request does, and compares heap used after full GCs before and
 * after. The tokens are read in copies, as requests carry them, and dropped after use, so whatever an entry keeps of
 * its token counts. Prints {@code VERIFIED users=N tokenLength=L bytesPerEntry=B}.
 *
 * <p>Usage: {@code java -cp <test classpath> io.stsvend.bench.VerifiedTokenFootprint [entries] [small|keycloak]}:
 * {@code small} is the bench's demo token (subject, issuer, audience, lifetime, id), {@code keycloak} one with the
 * claims a Keycloak access token carries.
 */
public final class VerifiedTokenFootprint {

    private VerifiedTokenFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean keycloak = args.length > 1 && args[1].equals("keycloak");
        List<String> tokens = IntStream.range(0, entries).parallel()
                .mapToObj(i -> TestTokens.signPayload(payload("footprint-" + i, keycloak))).toList();
        JWTAuthContextInfo info = new JWTAuthContextInfo(
                (RSAPublicKey) KeyUtils.decodePublicKey(TestTokens.publicKeyPem()), TestTokens.ISSUER);
        info.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
        JwksKeys noJwks = new JwksKeys((URI) null, TestJwksConfig.defaults(), Clock.systemUTC());
        JwksJwtParser parser = new JwksJwtParser(info, noJwks,
                new VerifiedTokens(new TestVerifiedCacheConfig(true, Duration.ofMinutes(5), entries), noJwks));
        Caller.from(parser.parse(new String(tokens.get(0).toCharArray())));
        long before = BenchFixtures.usedHeapAfterGc();
        for (int i = 1; i < entries; i++) {
            Caller.from(parser.parse(new String(tokens.get(i).toCharArray())));
        }
        long after = BenchFixtures.usedHeapAfterGc();
        // The one line to read; stdout on purpose (a command-line measurement, not the service).
        System.out.printf("VERIFIED entries=%d tokenLength=%d bytesPerEntry=%d%n", entries, tokens.get(0).length(),
                (after - before) / Math.max(entries - 1, 1));
        if (Boolean.getBoolean("footprint.hold")) {
            // For a class histogram (jcmd PID GC.class_histogram) of what the entries hold.
            System.out.flush();
            System.in.read();
        }
        java.lang.ref.Reference.reachabilityFence(parser);
    }

    private static Map<String, Object> payload(String subject, boolean keycloak) {
        Map<String, Object> claims = new java.util.HashMap<>(TestTokens.payload(subject));
        claims.put("jti", java.util.UUID.randomUUID().toString());
        if (keycloak) {
            claims.put("typ", "Bearer");
            claims.put("azp", "mobile-app");
            claims.put("sid", java.util.UUID.randomUUID().toString());
            claims.put("acr", "1");
            claims.put("allowed-origins", List.of("https://app.example.com"));
            claims.put("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "app-user")));
            claims.put("resource_access", Map.of("account", Map.of("roles",
                    List.of("manage-account", "manage-account-links", "view-profile"))));
            claims.put("scope", "openid profile email");
            claims.put("email_verified", true);
            claims.put("name", "Footprint User");
            claims.put("preferred_username", subject);
            claims.put("given_name", "Footprint");
            claims.put("family_name", "User");
            claims.put("email", subject + "@example.com");
            claims.put("tenant", "acme");
        }
        return claims;
    }
}
