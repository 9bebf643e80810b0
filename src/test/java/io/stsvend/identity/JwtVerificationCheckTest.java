package io.stsvend.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

/** A start without a verification key or without an issuer is refused; each negative drops one of them. */
class JwtVerificationCheckTest {

    private static final Optional<String> JWKS = Optional.of("https://login.example.com/.well-known/jwks.json");
    private static final Optional<String> ISSUER = Optional.of("https://login.example.com");

    @Test
    void aJwksUrlAndAnIssuerAreEnough() {
        assertEquals(List.of(), JwtVerificationCheck.problems(JWKS, Optional.empty(), ISSUER));
    }

    @Test
    void anInlineKeyServesInsteadOfALocation() {
        assertEquals(List.of(), JwtVerificationCheck.problems(Optional.empty(), Optional.of("MIIBIjANBg"), ISSUER));
    }

    @Test
    void noKeyIsAProblemNamingTheProperty() {
        List<String> problems = JwtVerificationCheck.problems(Optional.empty(), Optional.empty(), ISSUER);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("mp.jwt.verify.publickey.location:"), problems.toString());
    }

    @Test
    void aBlankKeyCountsAsNone() {
        assertEquals(1, JwtVerificationCheck.problems(Optional.of(" "), Optional.empty(), ISSUER).size());
    }

    @Test
    void noIssuerIsAProblemNamingTheProperty() {
        List<String> problems = JwtVerificationCheck.problems(JWKS, Optional.empty(), Optional.empty());
        assertEquals(List.of("mp.jwt.verify.issuer: must name the identity provider whose tokens are accepted"),
                problems);
    }
}
