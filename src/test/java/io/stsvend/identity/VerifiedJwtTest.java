package io.stsvend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import io.stsvend.testing.TestJwksConfig;
import io.stsvend.testing.TestTokens;
import io.stsvend.testing.TestVerifiedCacheConfig;

import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a request's principal is: smallrye-jwt's own reading of every claim, over a verification that the cache
 * shares between requests and that keeps no token text (issue 16: the text and jose4j's copy of the payload's JSON
 * were a third of an entry's heap).
 */
class VerifiedJwtTest {

    private JWTAuthContextInfo info;
    private VerifiedTokens verified;
    private JwksJwtParser parser;
    private String token;

    @BeforeEach
    void setUp() throws Exception {
        info = new JWTAuthContextInfo((RSAPublicKey) KeyUtils.decodePublicKey(TestTokens.publicKeyPem()),
                TestTokens.ISSUER);
        info.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
        JwksKeys noJwks = new JwksKeys((URI) null, TestJwksConfig.defaults(), Clock.systemUTC());
        verified = new VerifiedTokens(new TestVerifiedCacheConfig(true, Duration.ofMinutes(5), 100), noJwks);
        parser = new JwksJwtParser(info, noJwks, verified);
        Map<String, Object> payload = new HashMap<>(TestTokens.payload("alice"));
        payload.put("aud", List.of(TestTokens.AUDIENCE, "other"));
        payload.put("upn", "alice@example.com");
        payload.put("groups", "viewer editor");
        payload.put("tenant", Map.of("id", "t1", "tier", 2));
        payload.put("roles", List.of("a", "b"));
        payload.put("jti", "id-1");
        token = TestTokens.signPayload(payload);
    }

    @Test
    void everyClaimReadsAsSmallryeJwtReadsIt() throws Exception {
        JsonWebToken ours = parser.parse(token);
        JsonWebToken smallrye = new DefaultJWTParser(info).parse(token);

        assertEquals(smallrye.getClaimNames(), ours.getClaimNames());
        for (String name : smallrye.getClaimNames()) {
            assertEquals((Object) smallrye.getClaim(name), ours.getClaim(name), name);
        }
        assertEquals(smallrye.getName(), ours.getName());
        assertEquals(smallrye.getSubject(), ours.getSubject());
        assertEquals(smallrye.getIssuer(), ours.getIssuer());
        assertEquals(smallrye.getAudience(), ours.getAudience());
        assertEquals(smallrye.getGroups(), ours.getGroups());
        assertEquals(smallrye.getExpirationTime(), ours.getExpirationTime());
        assertEquals(smallrye.getIssuedAtTime(), ours.getIssuedAtTime());
        assertEquals(smallrye.getTokenID(), ours.getTokenID());
        assertEquals(token, ours.getRawToken());
    }

    @Test
    void theSharedVerificationKeepsNoTokenTextAndEachRequestBringsItsOwn() throws Exception {
        VerifiedJwt first = assertInstanceOf(VerifiedJwt.class, parser.parse(token));
        // An equal token in another String, as the next request's header would carry it.
        String again = new String(token.toCharArray());
        VerifiedJwt second = assertInstanceOf(VerifiedJwt.class, parser.parse(again));

        VerifiedJwt.Verification shared = verified.get(token).orElseThrow();
        assertSame(shared, first.verification());
        assertSame(shared, second.verification(), "the repeat was verified again");
        assertNull(shared.getRawToken());
        assertNull(shared.getClaim("raw_token"));
        assertSame(again, second.getRawToken(), "the repeat's principal carries the first request's token");
        assertSame(again, second.getClaim("raw_token"));
        assertTrue(second.getClaimNames().contains("raw_token"));
    }

    @Test
    void thePayloadIsTheIdentityProvidersAsWrittenAndParsedOncePerVerification() throws Exception {
        VerifiedJwt first = (VerifiedJwt) parser.parse(token);
        Map<String, Object> claims = Caller.from(first).claims();

        assertEquals("viewer editor", claims.get("groups"), "smallrye-jwt's split of groups reached the grant rules");
        assertEquals(Map.of("id", "t1", "tier", 2), claims.get("tenant"));
        assertSame(claims, Caller.from(parser.parse(token)).claims(), "the repeat parsed the payload again");
    }
}
