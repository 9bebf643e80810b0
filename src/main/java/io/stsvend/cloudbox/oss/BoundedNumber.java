package io.stsvend.cloudbox.oss;

import java.util.OptionalLong;

/**
 * A decimal request parameter that must lie within bounds ({@code max-keys}, {@code partNumber},
 * {@code x-oss-expires}). Each caller answers a miss with its own OSS error, as the real service words them
 * differently.
 */
final class BoundedNumber {

    private BoundedNumber() {
    }

    /** {@code value} as a number in {@code [min, max]}; empty for {@code null}, a non-number or one out of bounds. */
    static OptionalLong parse(String value, long min, long max) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value);
            return parsed >= min && parsed <= max ? OptionalLong.of(parsed) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
