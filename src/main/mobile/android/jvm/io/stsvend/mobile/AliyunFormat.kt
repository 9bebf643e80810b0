package io.stsvend.mobile

import org.json.JSONException
import org.json.JSONObject
import java.time.Instant
import java.time.format.DateTimeParseException

/**
 * Reads stsvend's `format=aliyun` bodies (README "Formats for existing Alibaba SDK providers"): success is HTTP 200
 * with `{"StatusCode":"200","AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}` (`StatusCode` a string,
 * `Expiration` exactly `yyyy-MM-ddTHH:mm:ssZ`); a refusal keeps its HTTP status with
 * `{"StatusCode":"403","ErrorCode":"forbidden","ErrorMessage":"…"}`, except 401s raised before the resource, which
 * stay problem+json `{code, detail}`. Uses org.json, which Android ships (the JVM build compiles against
 * org.json:json).
 */
object AliyunFormat {

    /** Bodies longer than this are not credentials: refused without parsing. */
    const val MAX_BODY_CHARS = 64 * 1024

    fun parse(httpStatus: Int, body: String, retryAfterSeconds: Long? = null): StsvendToken {
        val json = parseObject(body)
        if (httpStatus != 200) {
            val code = json?.optString("ErrorCode")?.takeIf { it.isNotEmpty() }
                ?: json?.optString("code")?.takeIf { it.isNotEmpty() }
                ?: "http-$httpStatus"
            val detail = json?.optString("ErrorMessage")?.takeIf { it.isNotEmpty() }
                ?: json?.optString("detail")?.takeIf { it.isNotEmpty() }
                ?: ""
            throw StsvendException(httpStatus, code,
                "stsvend refused credentials: $httpStatus $code" + if (detail.isEmpty()) "" else ": $detail",
                retryAfterSeconds)
        }
        // Strictly the string "200", as the Swift provider reads it (optString would also accept the number).
        if (json == null || json.opt("StatusCode") != "200") {
            throw badResponse(httpStatus)
        }
        val accessKeyId = json.optString("AccessKeyId")
        val accessKeySecret = json.optString("AccessKeySecret")
        val securityToken = json.optString("SecurityToken")
        val expiration = json.optString("Expiration")
        if (accessKeyId.isEmpty() || accessKeySecret.isEmpty() || securityToken.isEmpty() || expiration.isEmpty()) {
            throw badResponse(httpStatus)
        }
        val expiresAt = try {
            Instant.parse(expiration).epochSecond
        } catch (e: DateTimeParseException) {
            throw badResponse(httpStatus)
        }
        return StsvendToken(accessKeyId, accessKeySecret, securityToken, expiresAt)
    }

    private fun parseObject(body: String): JSONObject? {
        if (body.length > MAX_BODY_CHARS) {
            return null
        }
        return try {
            JSONObject(body)
        } catch (e: JSONException) {
            null
        }
    }

    // Names no field value: a half-valid body may hold a secret.
    private fun badResponse(status: Int) = StsvendException(status, "bad-response",
        "stsvend answered without StatusCode 200, AccessKeyId, AccessKeySecret, SecurityToken and Expiration")
}
