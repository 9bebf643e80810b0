package io.stsvend.sharedcache;

import io.stsvend.sts.TemporaryCredentials;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encryption at rest and key rotation of shared-cache values; each negative case changes one thing. */
class CredentialSealerTest {

    static final String OLD = "old:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
    static final String NEW = "new:AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";
    static final SharedKey KEY = new SharedKey("alice@example.com", "fp1", "acs:ram::1:role/app", 0);
    /** A token and its refresh point (half-way), as the replica that called STS holds it. */
    static final SharedToken TOKEN = new SharedToken(new TemporaryCredentials("STS.id", "the-secret",
            "the-token", Instant.parse("2026-11-30T12:00:00Z"), "req-1"), Instant.parse("2026-11-30T11:30:00.250Z"));

    @Test
    void roundTripsAndHidesEverything() {
        CredentialSealer sealer = new CredentialSealer(List.of(NEW));
        String index = sealer.index(KEY);
        String sealed = sealer.seal(index, TOKEN);
        assertFalse(index.contains("alice"));
        for (String plain : List.of("STS.id", "the-secret", "the-token", "alice")) {
            assertFalse(sealed.contains(plain), plain);
        }
        assertTrue(sealed.startsWith("v1.new."));
        assertEquals(Optional.of(TOKEN), sealer.open(index, sealed));
    }

    @Test
    void anOlderKeyStillDecryptsAfterRotation() {
        CredentialSealer before = new CredentialSealer(List.of(OLD));
        String index = before.index(KEY);
        String sealed = before.seal(index, TOKEN);
        CredentialSealer after = new CredentialSealer(List.of(NEW, OLD));
        assertEquals(Optional.of(TOKEN), after.open(index, sealed));
        assertTrue(after.seal(index, TOKEN).startsWith("v1.new."));
    }

    @Test
    void aRemovedKeyNoLongerDecrypts() {
        CredentialSealer before = new CredentialSealer(List.of(OLD));
        String index = before.index(KEY);
        assertEquals(Optional.empty(), new CredentialSealer(List.of(NEW)).open(index, before.seal(index, TOKEN)));
    }

    @Test
    void aValueMovedToAnotherUsersKeyDoesNotDecrypt() {
        CredentialSealer sealer = new CredentialSealer(List.of(NEW));
        String sealed = sealer.seal(sealer.index(KEY), TOKEN);
        String other = sealer.index(new SharedKey("bob@example.com", "fp1", "acs:ram::1:role/app", 0));
        assertNotEquals(sealer.index(KEY), other);
        assertEquals(Optional.empty(), sealer.open(other, sealed));
    }

    @Test
    void aTamperedValueDoesNotDecrypt() {
        CredentialSealer sealer = new CredentialSealer(List.of(NEW));
        String index = sealer.index(KEY);
        String sealed = sealer.seal(index, TOKEN);
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        assertEquals(Optional.empty(), sealer.open(index, tampered));
    }
}
