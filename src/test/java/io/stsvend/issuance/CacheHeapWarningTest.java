package io.stsvend.issuance;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up warning for a credential cache whose full size the JVM's heap cannot hold. */
class CacheHeapWarningTest {

    static final long MIB = 1024 * 1024;

    @Test
    void aFullCacheOfMoreThanHalfTheHeapIsWarnedOfWithASizeThatFits() {
        String warning = CacheChecks.heapWarning(100_000, 256 * MIB).orElseThrow();

        assertTrue(warning.startsWith("stsvend.cache.maximum-size: 100000 cached users need about 152 MiB of heap"),
                warning);
        assertTrue(warning.contains("half of this JVM's 256 MiB"), warning);
        assertTrue(warning.contains("Lower the maximum to about 83886 or give the JVM more heap."), warning);
    }

    @Test
    void aCacheWithinHalfTheHeapIsNot() {
        assertEquals(Optional.empty(), CacheChecks.heapWarning(83_886, 256 * MIB));
        assertTrue(CacheChecks.heapWarning(83_887, 256 * MIB).isPresent());
    }

    @Test
    void aHeapWithoutLimitIsNot() {
        assertEquals(Optional.empty(), CacheChecks.heapWarning(10_000_000, Long.MAX_VALUE));
    }
}
