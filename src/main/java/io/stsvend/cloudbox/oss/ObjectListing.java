package io.stsvend.cloudbox.oss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of a ListObjects (v1 or v2) result: keys under {@code prefix} after {@code marker}, with keys that contain
 * {@code delimiter} after the prefix rolled up into common prefixes. Contents and common prefixes together count
 * against {@code maxKeys}; an entry (key or common prefix) is listed only if it sorts after the marker, so a marker
 * that is a common prefix skips that whole group, as in OSS.
 */
record ObjectListing(List<StoredObject> contents, List<String> commonPrefixes, boolean truncated, String nextMarker) {

    static final int DEFAULT_MAX_KEYS = 100;
    static final int MAX_MAX_KEYS = 1000;

    static ObjectListing list(NavigableMap<String, StoredObject> objects, String prefix, String marker,
                              String delimiter, int maxKeys) {
        NavigableMap<String, StoredObject> tail = marker.compareTo(prefix) >= 0
                ? objects.tailMap(marker, false) : objects.tailMap(prefix, true);
        List<StoredObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> entry : tail.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            String commonPrefix = commonPrefix(key, prefix, delimiter);
            String element = commonPrefix != null ? commonPrefix : key;
            if (element.compareTo(marker) <= 0 || element.equals(last)) {
                continue;
            }
            if (contents.size() + prefixes.size() >= maxKeys) {
                truncated = true;
                break;
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
            } else {
                contents.add(entry.getValue());
            }
            last = element;
        }
        return new ObjectListing(contents, prefixes, truncated, truncated ? last : null);
    }

    /** Parses {@code max-keys}: absent → 100; otherwise 1..1000 or InvalidArgument. */
    static int maxKeys(String value) {
        if (value == null) {
            return DEFAULT_MAX_KEYS;
        }
        return (int) BoundedNumber.parse(value, 1, MAX_MAX_KEYS).orElseThrow(() -> new OssException(
                OssErrorCode.INVALID_ARGUMENT, "max-keys must be an integer between 1 and 1000."));
    }

    int keyCount() {
        return contents.size() + commonPrefixes.size();
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
