package io.stsvend.cloudbox.oss;

/**
 * A single {@code Range: bytes=first-last} request resolved against an object size. Like OSS, a syntactically
 * invalid or multi-range header is ignored (the whole object is returned); a range starting beyond the end is 416
 * InvalidRange; an end beyond the object is clamped.
 */
record ByteRange(long first, long last) {

    /** @return the range, or {@code null} to serve the whole object */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String start = spec.substring(0, dash).trim();
            String end = spec.substring(dash + 1).trim();
            if (start.isEmpty()) {
                long suffix = Long.parseLong(end);
                if (suffix <= 0) {
                    return null;
                }
                return size == 0 ? null : new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(start);
            long last = end.isEmpty() ? Long.MAX_VALUE : Long.parseLong(end);
            if (last < first) {
                return null;
            }
            if (first >= size) {
                throw new OssException(OssErrorCode.INVALID_RANGE);
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
