package io.stsvend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The stopped clock moves only when told, and a zone view of it moves with it. */
class StoppedClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void standsStillUntilAdvanced() {
        StoppedClock clock = new StoppedClock(START);

        assertEquals(START, clock.instant());
        clock.advance(Duration.ofSeconds(90));
        assertEquals(START.plusSeconds(90), clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    void aZoneViewSharesTheInstant() {
        StoppedClock clock = new StoppedClock(START);
        Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

        clock.advance(Duration.ofMinutes(1));

        assertEquals(ZoneId.of("Asia/Tokyo"), tokyo.getZone());
        assertEquals(START.plusSeconds(60), tokyo.instant());
    }
}
