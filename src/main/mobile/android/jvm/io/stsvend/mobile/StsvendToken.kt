package io.stsvend.mobile

/**
 * Temporary OSS credentials from stsvend's `GET /credentials?format=aliyun`. [expirationEpochSeconds] is the
 * `Expiration` instant in seconds since the epoch (what `OSSFederationToken(ak, sk, token, long)` takes).
 * [toString] names the key id and expiry only: the secret and the token must never reach a log.
 */
class StsvendToken(
    val accessKeyId: String,
    val accessKeySecret: String,
    val securityToken: String,
    val expirationEpochSeconds: Long,
) {
    override fun toString(): String = "StsvendToken(accessKeyId=$accessKeyId, expiration=$expirationEpochSeconds)"
}

/**
 * stsvend refused or could not be asked: [status] is the HTTP status (0 without an answer), [code] the service's
 * stable error code (`unauthenticated`, `invalid-claim`, `no-grants`, `forbidden`, `subject-blocked`,
 * `rate-limited`, `sts-throttled`, `sts-unavailable`, ...) or this client's (`unreachable`, `bad-response`,
 * `no-token`). The message never contains the JWT or a credential. [retryAfterSeconds] is the service's Retry-After
 * on 429 and 503, else null. [retryable] is false for [NON_RETRYABLE_CODES] and any other 4xx but 429.
 */
class StsvendException(
    val status: Int,
    val code: String,
    message: String,
    val retryAfterSeconds: Long? = null,
    cause: Throwable? = null,
) : Exception(message, cause) {

    val retryable: Boolean
        get() = code !in NON_RETRYABLE_CODES && (status == 0 || status == 429 || status >= 500)

    companion object {
        /** An administrator suspended the user's credentials: drop the held token, do not refresh-loop. */
        const val SUBJECT_BLOCKED = "subject-blocked"

        /** Refusals asking again cannot change: the app must act (sign in again, tell the user). */
        val NON_RETRYABLE_CODES: Set<String> = setOf("unauthenticated", "invalid-claim", "no-grants", "forbidden",
            SUBJECT_BLOCKED, "bad-request", "policy-too-large", "bad-response", "no-token")
    }
}

/**
 * Remembers a `subject-blocked` refusal for [pauseSeconds] (default 60; a block lasts minutes to days), so a provider
 * the SDK asks before every request answers it again without asking stsvend: [check] throws the held refusal until
 * the pause has passed, [record] holds one (other refusals are not held), [clear] forgets it (sign-out, user switch).
 */
class BlockedHold(private val pauseSeconds: Long = 60) {
    init {
        require(pauseSeconds in 1..3_600) { "pauseSeconds must be 1 to 3600" }
    }

    @Volatile
    private var held: StsvendException? = null

    @Volatile
    private var untilEpochSeconds = 0L

    fun check(nowEpochSeconds: Long) {
        val refusal = held ?: return
        if (nowEpochSeconds < untilEpochSeconds) throw refusal
        held = null
    }

    /** True if [e] is a block and is now held. */
    fun record(e: StsvendException, nowEpochSeconds: Long): Boolean {
        if (e.code != StsvendException.SUBJECT_BLOCKED) return false
        untilEpochSeconds = nowEpochSeconds + pauseSeconds
        held = e
        return true
    }

    fun clear() {
        held = null
    }
}

/**
 * When to ask stsvend again: when no token is held, or the held one has less than [minValiditySeconds] left on the
 * device's clock (use the SDK's skew-corrected clock). The Android SDK's own rule is 15 s before expiry, too late
 * for a part upload that starts then; 300 s matches the service's `stsvend.cache.min-remaining` default.
 */
class RefreshPolicy(val minValiditySeconds: Long = 300) {
    init {
        require(minValiditySeconds in 0..43_200) { "minValiditySeconds must be 0 to 43200" }
    }

    fun needsRefresh(held: StsvendToken?, nowEpochSeconds: Long): Boolean =
        held == null || held.expirationEpochSeconds - nowEpochSeconds < minValiditySeconds
}
