package io.stsvend.cloudbox.wire;

import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Splits an undecoded query string or form body ({@code a=1&b&c=}) into name/value pairs, in order of appearance:
 * at each {@code &}, then at the first {@code =}; an empty pair is skipped and a name without {@code =} has the
 * empty value. How a part is decoded, and what a repeated name means, is the caller's wire rule.
 */
public final class QueryPairs {

    private QueryPairs() {
    }

    /** Hands each decoded pair of {@code raw} ({@code null} or empty: none) to {@code pair}. */
    public static void forEach(String raw, UnaryOperator<String> decode, BiConsumer<String, String> pair) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode.apply(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode.apply(part.substring(eq + 1));
            pair.accept(name, value);
        }
    }
}
