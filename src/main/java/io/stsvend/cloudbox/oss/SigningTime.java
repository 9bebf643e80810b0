package io.stsvend.cloudbox.oss;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Parses request signing times and enforces OSS's 15-minute skew window against the emulator clock. */
final class SigningTime {

    static final DateTimeFormatter V4_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    SigningTime(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** RFC 1123 ({@code Date}, V1 {@code x-oss-date}); AccessDenied when missing or unparseable. */
    static Instant parseRfc1123(String value) {
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
        } catch (RuntimeException e) {
            throw new OssException(OssErrorCode.DATE_MISSING);
        }
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} (V4 {@code x-oss-date}); AccessDenied when missing or unparseable. */
    static Instant parseV4(String value) {
        if (value == null) {
            throw new OssException(OssErrorCode.DATE_MISSING);
        }
        try {
            return V4_FORMAT.parse(value.trim(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new OssException(OssErrorCode.DATE_MISSING);
        }
    }

    /** @throws OssException RequestTimeTooSkewed when the request time is more than 15 minutes off */
    void requireWithinSkew(Instant requestTime) {
        Instant now = clock.instant();
        if (requestTime.isBefore(now.minus(OssSettings.MAX_SKEW)) || requestTime.isAfter(now.plus(OssSettings.MAX_SKEW))) {
            throw new OssException(OssErrorCode.REQUEST_TIME_TOO_SKEWED, OssErrorCode.REQUEST_TIME_TOO_SKEWED.message,
                    Map.of("RequestTime", requestTime.toString(), "ServerTime", now.toString(),
                            "MaxAllowedSkewMilliseconds", String.valueOf(OssSettings.MAX_SKEW.toMillis())));
        }
    }
}
