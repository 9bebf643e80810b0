package io.stsvend.cloudbox.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @ParameterizedTest
    @CsvSource({"bytes=0-9, 0, 9", "bytes=5-, 5, 99", "bytes=-10, 90, 99", "bytes=90-500, 90, 99",
            "bytes=-500, 0, 99"})
    void resolvesAgainstTheObjectSize(String header, long first, long last) {
        assertEquals(new ByteRange(first, last), ByteRange.parse(header, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-9", "bytes=9-0", "bytes=a-b", "bytes=0-1,5-6", "bytes=-0"})
    void invalidRangesServeTheWholeObject(String header) {
        assertNull(ByteRange.parse(header, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=100-200"})
    void rangeStartingPastTheEndIsUnsatisfiable(String header) {
        assertEquals(OssErrorCode.INVALID_RANGE, assertThrows(OssException.class,
                () -> ByteRange.parse(header, 100)).error);
    }
}
