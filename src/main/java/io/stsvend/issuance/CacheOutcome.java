package io.stsvend.issuance;

import java.util.Locale;

/** How a request was served: from a cached token, by a new STS call, or by joining a call already in flight. */
public enum CacheOutcome {
    HIT, MISS, SHARED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
