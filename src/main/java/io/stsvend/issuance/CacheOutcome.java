package io.stsvend.issuance;

import java.util.Locale;

/**
 * How a token was obtained: from the cache ({@code HIT}), by a new STS call for this request ({@code MISS}), by
 * joining a call already in flight ({@code SHARED}), by a background refresh ahead of expiry ({@code REFRESH}), or,
 * on a local miss, from the shared cache ({@code REMOTE}: another replica's STS call, none by this replica).
 */
public enum CacheOutcome {
    HIT, MISS, SHARED, REFRESH, REMOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
