package io.stsvend.mobile

import java.io.IOException
import java.io.InputStream
import java.net.HttpURLConnection
import java.net.URL

/**
 * One blocking `GET <baseUrl>/credentials?format=aliyun` with `Authorization: Bearer <jwt>` (the JWT never goes into
 * the URL), bounded by [connectTimeoutMs], [readTimeoutMs] and [AliyunFormat.MAX_BODY_CHARS]. [jwt] is called on
 * every fetch, so it can return the session's current token. Call it off the main thread: the OSS SDKs ask their
 * credential provider on their own worker threads. Throws [StsvendException] for every failure.
 */
class StsvendTokenFetcher(
    baseUrl: String,
    private val jwt: () -> String?,
    private val connectTimeoutMs: Int = 10_000,
    private val readTimeoutMs: Int = 10_000,
) {
    private val url = URL(baseUrl.trimEnd('/') + "/credentials?format=aliyun")

    fun fetch(): StsvendToken {
        val token = try {
            jwt()
        } catch (e: Exception) {
            throw StsvendException(0, "no-token", "the app supplied no JWT to ask stsvend with", cause = e)
        }
        if (token.isNullOrEmpty()) {
            throw StsvendException(0, "no-token", "the app supplied no JWT to ask stsvend with")
        }
        val connection = try {
            url.openConnection() as HttpURLConnection
        } catch (e: IOException) {
            throw unreachable(e)
        }
        try {
            connection.requestMethod = "GET"
            connection.connectTimeout = connectTimeoutMs
            connection.readTimeout = readTimeoutMs
            connection.instanceFollowRedirects = false
            connection.useCaches = false
            connection.setRequestProperty("Authorization", "Bearer $token")
            connection.setRequestProperty("Accept", "application/json")
            val status = connection.responseCode
            val stream = if (status < 400) connection.inputStream else connection.errorStream
            val body = stream?.use { read(it) } ?: ""
            val retryAfter = connection.getHeaderField("Retry-After")?.toLongOrNull()
            return AliyunFormat.parse(status, body, retryAfter)
        } catch (e: IOException) {
            throw unreachable(e)
        } finally {
            connection.disconnect()
        }
    }

    // At most one byte past the limit, so an oversized body is refused without being held (no readNBytes: it
    // needs Android API 33).
    private fun read(stream: InputStream): String {
        val limit = AliyunFormat.MAX_BODY_CHARS * 4 + 1
        val out = java.io.ByteArrayOutputStream()
        val buffer = ByteArray(8192)
        while (out.size() < limit) {
            val n = stream.read(buffer, 0, minOf(buffer.size, limit - out.size()))
            if (n < 0) break
            out.write(buffer, 0, n)
        }
        return String(out.toByteArray(), Charsets.UTF_8)
    }

    private fun unreachable(e: IOException) =
        StsvendException(0, "unreachable", "stsvend is unreachable (${e.javaClass.simpleName})", cause = e)
}
