package io.stsvend.admin;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.testing.StoppedClock;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AdminGate} on a stopped clock: who gets in, and exactly how often. */
class AdminGateTest {

    final StoppedClock clock = StoppedClock.now();
    final AdminGate gate = new AdminGate(new AdminChecksTest.Config("stsvend-admin", "roles", "ops",
            new AdminChecksTest.Limit(3, Duration.ofSeconds(30))), new AdminAudit(), clock);

    record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return getSubject();
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }

        /** A JWS-shaped token whose payload is these claims: the gate reads the role from the payload itself. */
        @Override
        public String getRawToken() {
            try {
                byte[] payload = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(claims);
                return "e30." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + ".sig";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Token token(String sub, Object aud, Object roles) {
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("sub", sub);
        claims.put("aud", aud);
        claims.put("roles", roles);
        return new Token(claims);
    }

    @Test
    void theRoleMayBeAStringOrInAList() {
        assertEquals(new Admin("ann"), gate.admit(token("ann", Set.of("stsvend-admin"), "ops"), "explain"));
        assertEquals(new Admin("ben"), gate.admit(token("ben", Set.of("stsvend-admin"), List.of("dev", "ops")),
                "explain"));
    }

    @Test
    void eachMissingPieceIsForbidden() {
        for (Token t : List.of(token("ann", Set.of("stsvend"), "ops"), token("ann", Set.of("stsvend-admin"), "dev"),
                token("ann", Set.of("stsvend-admin"), null), token(null, Set.of("stsvend-admin"), "ops"),
                token("ann", Set.of("stsvend-admin"), List.of("opsx")))) {
            assertEquals(ErrorCode.FORBIDDEN, assertThrows(CodedException.class, () -> gate.admit(t, "explain"))
                    .errorCode(), t.toString());
        }
        assertFalse(gate.isAdminToken(token("ann", Set.of("stsvend"), "ops")));
        assertTrue(gate.isAdminToken(token("ann", Set.of("stsvend", "stsvend-admin"), "ops")));
    }

    @Test
    void perAdminBurstThenOnePerWindowShare() {
        Token ann = token("ann", Set.of("stsvend-admin"), "ops");
        for (int i = 0; i < 3; i++) {
            gate.admit(ann, "explain");
        }
        CodedException refused = assertThrows(CodedException.class, () -> gate.admit(ann, "explain"));
        assertEquals(ErrorCode.RATE_LIMITED, refused.errorCode());
        assertEquals(Duration.ofSeconds(10), refused.retryAfter().orElseThrow());
        gate.admit(token("ben", Set.of("stsvend-admin"), "ops"), "explain");
        clock.advance(Duration.ofSeconds(10));
        gate.admit(ann, "explain");
        assertThrows(CodedException.class, () -> gate.admit(ann, "explain"));
    }
}
