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
 * stable error code (`unauthenticated`, `invalid-claim`, `no-grants`, `forbidden`, `rate-limited`, `sts-throttled`,
 * `sts-unavailable`, ...) or this client's (`unreachable`, `bad-response`, `no-token`). The message never contains
 * the JWT or a credential. [retryAfterSeconds] is the service's Retry-After on 429 and 503, else null.
 */
class StsvendException(
    val status: Int,
    val code: String,
    message: String,
    val retryAfterSeconds: Long? = null,
    cause: Throwable? = null,
) : Exception(message, cause)

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
