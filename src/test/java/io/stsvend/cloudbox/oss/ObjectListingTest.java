package io.stsvend.cloudbox.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectListingTest {

    private static final NavigableMap<String, StoredObject> OBJECTS = new TreeMap<>();

    static {
        for (String key : List.of("a.txt", "dir/1", "dir/2", "dir/sub/3", "e.txt", "f/1")) {
            OBJECTS.put(key, StoredObject.simple(key, new byte[0], "text/plain", Map.of(), Instant.EPOCH));
        }
    }

    @Test
    void delimiterRollsKeysUpIntoCommonPrefixesThatCountAgainstMaxKeys() {
        ObjectListing first = ObjectListing.list(OBJECTS, "", "", "/", 2);
        assertEquals(List.of("a.txt"), keys(first));
        assertEquals(List.of("dir/"), first.commonPrefixes());
        assertTrue(first.truncated());
        assertEquals("dir/", first.nextMarker());

        // A marker that is a common prefix skips the whole group instead of listing it again.
        ObjectListing second = ObjectListing.list(OBJECTS, "", first.nextMarker(), "/", 2);
        assertEquals(List.of("e.txt"), keys(second));
        assertEquals(List.of("f/"), second.commonPrefixes());
        assertFalse(second.truncated());
        assertNull(second.nextMarker());
    }

    @Test
    void prefixWithoutDelimiterListsEverythingBelow() {
        ObjectListing page = ObjectListing.list(OBJECTS, "dir/", "", "", 100);
        assertEquals(List.of("dir/1", "dir/2", "dir/sub/3"), keys(page));
        assertEquals(List.of(), page.commonPrefixes());
    }

    @Test
    void markerBeforeThePrefixStartsAtThePrefix() {
        assertEquals(List.of("dir/2", "dir/sub/3"), keys(ObjectListing.list(OBJECTS, "dir/", "dir/1", "", 100)));
        assertEquals(List.of("dir/1", "dir/2", "dir/sub/3"), keys(ObjectListing.list(OBJECTS, "dir/", "a", "", 100)));
    }

    @ParameterizedTest
    @CsvSource({"0", "1001", "x", "-1"})
    void maxKeysOutsideOneToThousandIsInvalid(String value) {
        OssException e = assertThrows(OssException.class, () -> ObjectListing.maxKeys(value));
        assertEquals(OssErrorCode.INVALID_ARGUMENT, e.error);
    }

    @Test
    void maxKeysDefaultsToHundred() {
        assertEquals(100, ObjectListing.maxKeys(null));
        assertEquals(1000, ObjectListing.maxKeys("1000"));
    }

    private static List<String> keys(ObjectListing page) {
        return page.contents().stream().map(StoredObject::key).toList();
    }
}
