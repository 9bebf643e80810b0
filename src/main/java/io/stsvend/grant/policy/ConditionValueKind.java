package io.stsvend.grant.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The value types of condition operators and how their JSON-string values are parsed.
 *
 * <ul>
 * <li>NUMBER: plain decimal {@code -?digits(.digits)?}, at most 40 characters, compared exactly
 * ({@code 10 == 10.0}); no exponents, no {@code NaN}.</li>
 * <li>DATE: ISO 8601 date-time with a zone offset, e.g. {@code 2012-11-11T23:59:59Z} or
 * {@code 2019-08-12T17:00:00+08:00}, fractions allowed; compared as instants. Local times without offset are
 * rejected as ambiguous.</li>
 * <li>BOOLEAN: {@code true} / {@code false}, case-insensitive.</li>
 * <li>IP: an IPv4/IPv6 address or CIDR block ({@link IpRange}).</li>
 * <li>STRING: anything, including the empty string.</li>
 * </ul>
 */
enum ConditionValueKind {
    STRING, NUMBER, DATE, BOOLEAN, IP;

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,38}(\\.[0-9]{1,38})?");
    private static final int MAX_NUMBER_CHARS = 40;

    boolean isValidPolicyValue(String value) {
        switch (this) {
            case NUMBER:
                return number(value) != null;
            case DATE:
                return instant(value) != null;
            case BOOLEAN:
                return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value);
            case IP:
                return IpRange.parse(value) != null;
            default:
                return true;
        }
    }

    /** Sign of (left - right) for NUMBER and DATE, or {@code null} if either side does not parse. */
    Integer compare(String left, String right) {
        if (this == NUMBER) {
            BigDecimal l = number(left);
            BigDecimal r = number(right);
            return l == null || r == null ? null : Integer.signum(l.compareTo(r));
        }
        if (this == DATE) {
            Instant l = instant(left);
            Instant r = instant(right);
            return l == null || r == null ? null : Integer.signum(l.compareTo(r));
        }
        throw new IllegalStateException("not an ordered kind: " + this);
    }

    private static BigDecimal number(String value) {
        if (value.length() > MAX_NUMBER_CHARS || !DECIMAL.matcher(value).matches()) {
            return null;
        }
        return new BigDecimal(value);
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
