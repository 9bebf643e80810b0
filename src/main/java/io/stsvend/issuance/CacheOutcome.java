package io.stsvend.issuance;

import java.util.Locale;

/**
 * How a token was obtained: from the cache ({@code HIT}), by a new STS call for this request ({@code MISS}), by
 * joining a call already in flight ({@code SHARED}), or by a background refresh ahead of expiry ({@code REFRESH}).
 */
public enum CacheOutcome {
    HIT, MISS, SHARED, REFRESH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
