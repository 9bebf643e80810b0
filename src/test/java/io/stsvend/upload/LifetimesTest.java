package io.stsvend.upload;

import io.stsvend.error.CodedException;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LifetimesTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Duration MAX = Duration.ofMinutes(15);
    static final Instant FAR = NOW.plus(Duration.ofHours(1));

    @Test
    void requestedLifetimeIsKept() {
        assertEquals(NOW.plusSeconds(60), Lifetimes.expiry(NOW, 60L, MAX, FAR));
    }

    @Test
    void absentMeansTheConfiguredMaximum() {
        assertEquals(NOW.plus(MAX), Lifetimes.expiry(NOW, null, MAX, FAR));
    }

    @Test
    void cappedByConfiguration() {
        assertEquals(NOW.plus(MAX), Lifetimes.expiry(NOW, 86400L, MAX, FAR));
    }

    @Test
    void cappedByTheCredentialsExpiry() {
        Instant soon = NOW.plusSeconds(300);
        assertEquals(soon, Lifetimes.expiry(NOW, 600L, MAX, soon));
    }

    @Test
    void nonPositiveIsBadRequest() {
        assertThrows(CodedException.class, () -> Lifetimes.checkRequested(0L));
    }

    @Test
    void configBoundsAreChecked() {
        assertEquals(1, UploadConfigCheck.problems(config(Duration.ofSeconds(59), 1)).size());
        assertEquals(1, UploadConfigCheck.problems(config(Duration.ofDays(8), 1)).size());
        assertEquals(List.of(), UploadConfigCheck.problems(config(Duration.ofMinutes(15), 1)));
    }

    @Test
    void formSizeCapBoundsAreCheckedExactly() {
        long fiveGiB = 5L * 1024 * 1024 * 1024;
        assertEquals(1, UploadConfigCheck.problems(config(MAX, 0)).size());
        assertEquals(1, UploadConfigCheck.problems(config(MAX, fiveGiB + 1)).size());
        assertEquals(List.of(), UploadConfigCheck.problems(config(MAX, fiveGiB)));
    }

    static UploadConfig config(Duration lifetime, long maxFormBytes) {
        return new UploadConfig() {
            @Override
            public Duration maxLifetime() {
                return lifetime;
            }

            @Override
            public long maxFormBytes() {
                return maxFormBytes;
            }
        };
    }
}
