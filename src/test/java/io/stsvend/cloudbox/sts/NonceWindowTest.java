package io.stsvend.cloudbox.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class NonceWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final NonceWindow window = new NonceWindow(Duration.ofMinutes(15));

    @Test
    void nonceIsRefusedWhileItsRequestCouldStillBeReplayed() {
        assertTrue(window.firstUse("n1", T0, T0));

        assertFalse(window.firstUse("n1", T0, T0.plus(Duration.ofMinutes(15))));
    }

    @Test
    void futureTimestampsKeepTheirNonceUntilTheTimestampLeavesTheWindow() {
        Instant timestamp = T0.plus(Duration.ofMinutes(14));
        window.firstUse("n1", timestamp, T0);

        // 20 minutes after receipt the request's Timestamp is only 6 minutes old: a replay must still fail.
        assertFalse(window.firstUse("n1", timestamp, T0.plus(Duration.ofMinutes(20))));
    }

    @Test
    void expiredNoncesAreEvicted() {
        window.firstUse("n1", T0, T0);
        window.firstUse("n2", T0.plusSeconds(60), T0.plusSeconds(60));

        window.firstUse("n3", T0.plus(Duration.ofMinutes(16)), T0.plus(Duration.ofMinutes(15)).plusSeconds(1));

        assertEquals(2, window.size());
        assertTrue(window.firstUse("n1", T0.plus(Duration.ofMinutes(16)), T0.plus(Duration.ofMinutes(16))));
    }
}
