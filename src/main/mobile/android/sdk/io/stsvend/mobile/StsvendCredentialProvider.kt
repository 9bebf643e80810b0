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
 * in either message. Never log the returned OSSFederationToken: its toString prints the secret.
 *
 * NOT COMPILED by stsvend's build (it needs the Android SDK's classes); the logic it calls is (docs/mobile.md).
 */
class StsvendCredentialProvider(
    private val fetcher: StsvendTokenFetcher,
    private val policy: RefreshPolicy = RefreshPolicy(),
) : OSSFederationCredentialProvider() {

    @Volatile
    private var held: StsvendToken? = null

    @Synchronized
    override fun getValidFederationToken(): OSSFederationToken {
        val now = DateUtil.getFixedSkewedTimeMillis() / 1000
        val current = held
        val token = if (policy.needsRefresh(current, now)) fetch() else current!!
        return token.toOss()
    }

    override fun getFederationToken(): OSSFederationToken = fetch().toOss()

    /** Drop the held token (sign-out, user switch): the next request asks stsvend. */
    @Synchronized
    fun invalidate() {
        held = null
    }

    private fun fetch(): StsvendToken = try {
        fetcher.fetch().also { held = it }
    } catch (e: StsvendException) {
        throw ClientException(e.message, e)
    }

    private fun StsvendToken.toOss() =
        OSSFederationToken(accessKeyId, accessKeySecret, securityToken, expirationEpochSeconds)
}
