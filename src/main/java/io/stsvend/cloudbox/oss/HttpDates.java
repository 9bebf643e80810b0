package io.stsvend.cloudbox.oss;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two date formats OSS responses use. */
final class HttpDates {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** {@code Date}/{@code Last-Modified} headers, e.g. {@code Mon, 30 Nov 2026 01:33:26 GMT}. */
    static String rfc1123(Instant instant) {
        return RFC_1123.format(instant);
    }

    /** XML timestamps, e.g. {@code 2026-11-30T01:33:26.000Z}. */
    static String iso8601(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
