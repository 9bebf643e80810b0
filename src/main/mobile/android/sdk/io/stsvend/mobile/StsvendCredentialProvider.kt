package io.stsvend.mobile

import com.alibaba.sdk.android.oss.ClientException
import com.alibaba.sdk.android.oss.common.auth.OSSFederationCredentialProvider
import com.alibaba.sdk.android.oss.common.auth.OSSFederationToken
import com.alibaba.sdk.android.oss.common.utils.DateUtil

/**
 * An OSS Android SDK credential provider backed by stsvend: sends the app's JWT (which the stock
 * `OSSAuthCredentialsProvider` cannot) and reads `GET /credentials?format=aliyun`.
 *
 * The SDK calls [getValidFederationToken] before signing each request, on its worker threads. The stock rule
 * refreshes 15 s before expiry; this one refreshes [RefreshPolicy.minValiditySeconds] before, so a part upload never
 * starts with a token about to lapse. Synchronized, as the SDK's: concurrent requests wait for one fetch.
 * Failures become [ClientException] (the SDK's own type) with the [StsvendException] as cause; nothing secret is
 * in either message. A `subject-blocked` refusal (an admin suspended the user) drops the held token and is answered
 * again without asking for 60 s ([BlockedHold]), so the SDK's ask-before-every-request never loops. Never log the returned OSSFederationToken: its toString prints the secret.
 *
 * NOT COMPILED by stsvend's build (it needs the Android SDK's classes); the logic it calls is (docs/mobile.md).
 */
class StsvendCredentialProvider(
    private val fetcher: StsvendTokenFetcher,
    private val policy: RefreshPolicy = RefreshPolicy(),
    private val blocked: BlockedHold = BlockedHold(),
) : OSSFederationCredentialProvider() {

    @Volatile
    private var held: StsvendToken? = null

    @Synchronized
    override fun getValidFederationToken(): OSSFederationToken {
        val now = DateUtil.getFixedSkewedTimeMillis() / 1000
        rethrowHeld(now)
        val current = held
        val token = if (policy.needsRefresh(current, now)) fetch(now) else current!!
        return token.toOss()
    }

    override fun getFederationToken(): OSSFederationToken {
        val now = DateUtil.getFixedSkewedTimeMillis() / 1000
        rethrowHeld(now)
        return fetch(now).toOss()
    }

    /** Drop the held token (sign-out, user switch): the next request asks stsvend. */
    @Synchronized
    fun invalidate() {
        held = null
        blocked.clear()
    }

    private fun rethrowHeld(now: Long) = try {
        blocked.check(now)
    } catch (e: StsvendException) {
        throw ClientException(e.message, e)
    }

    private fun fetch(now: Long): StsvendToken = try {
        fetcher.fetch().also { held = it }
    } catch (e: StsvendException) {
        // subject-blocked: an admin revoked this user; drop their token and answer the refusal without asking.
        if (blocked.record(e, now)) held = null
        throw ClientException(e.message, e)
    }

    private fun StsvendToken.toOss() =
        OSSFederationToken(accessKeyId, accessKeySecret, securityToken, expirationEpochSeconds)
}
