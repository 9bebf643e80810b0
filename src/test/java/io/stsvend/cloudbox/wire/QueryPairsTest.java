package io.stsvend.cloudbox.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class QueryPairsTest {

    private static List<String> pairs(String raw) {
        List<String> seen = new ArrayList<>();
        QueryPairs.forEach(raw, part -> part.toUpperCase(Locale.ROOT), (name, value) -> seen.add(name + "|" + value));
        return seen;
    }

    @Test
    void splitsAtEachAmpersandThenAtTheFirstEqualsAndDecodesBothParts() {
        assertEquals(List.of("A|1", "B|X=Y"), pairs("a=1&b=x=y"));
    }

    @Test
    void aNameWithoutEqualsHasTheEmptyValueAndEmptyPairsAreSkipped() {
        assertEquals(List.of("ACL|", "C|"), pairs("&acl&&c=&"));
    }

    @Test
    void repeatedNamesAreAllHandedOverInOrder() {
        assertEquals(List.of("A|1", "A|2"), pairs("a=1&a=2"));
    }

    @Test
    void nullAndEmptyHaveNoPairs() {
        assertEquals(List.of(), pairs(null));
        assertEquals(List.of(), pairs(""));
    }
}
