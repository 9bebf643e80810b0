package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.wire.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OSS Signature V1: {@code Base64(HMAC-SHA1(secret, VERB\nContent-MD5\nContent-Type\n<Date|Expires>\n
 * CanonicalizedOSSHeaders CanonicalizedResource))}. The canonical resource uses the raw key and appends exactly the
 * sub-resources aliyun-sdk-oss 3.18.x signs ({@link #SIGNED_SUBRESOURCES}), sorted, with raw values.
 */
final class V1Signature {

    /** {@code com.aliyun.oss.internal.SignParameters.SIGNED_PARAMTERS} of aliyun-sdk-oss 3.18.x (92 names). */
    static final Set<String> SIGNED_SUBRESOURCES = Set.of("acl", "uploads", "location", "cors", "logging",
            "website", "referer", "lifecycle", "delete", "append", "tagging", "objectMeta", "uploadId",
            "partNumber", "security-token", "position", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "img", "style", "styleName", "replication", "replicationProgress", "replicationLocation", "cname",
            "bucketInfo", "comp", "qos", "live", "status", "vod", "startTime", "endTime", "x-oss-process",
            "processConfiguration", "symlink", "stat", "udf", "udfName", "udfImage", "udfImageDesc",
            "udfApplication", "udfApplicationLog", "restore", "versions", "versioning", "versionId", "encryption",
            "policy", "requestPayment", "x-oss-traffic-limit", "qosInfo", "asyncFetch", "sequential",
            "x-oss-request-payer", "vpcip", "vip", "inventory", "inventoryId", "continuation-token", "worm",
            "wormId", "wormExtend", "callback", "callback-var", "x-oss-dir", "x-oss-rename", "x-oss-delete",
            "transferAcceleration", "x-oss-ac-source-ip", "x-oss-ac-subnet-mask", "x-oss-ac-vpc-id",
            "x-oss-ac-forward-allow", "metaQuery", "resourceGroup", "regionList", "x-oss-async-process",
            "x-oss-write-get-object-response", "bucketArchiveDirectRead", "httpsConfig", "publicAccessBlock",
            "policyStatus", "redundancyTransition", "x-oss-target-redundancy-type",
            "x-oss-redundancy-transition-taskid", "accessPoint", "accessPointPolicy", "seal");

    private V1Signature() {
    }

    /**
     * @param headers      request headers, any case (only Content-MD5, Content-Type and x-oss-* are used)
     * @param dateOrExpires the Date (or x-oss-date) header value, or the Expires query value for presigned URLs
     * @param resource     the canonicalized resource
     */
    static String stringToSign(String method, Iterable<Map.Entry<String, String>> headers, String dateOrExpires,
                               String resource) {
        String contentMd5 = "";
        String contentType = "";
        Map<String, String> ossHeaders = new TreeMap<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = header.getValue() == null ? "" : header.getValue().trim();
            if (name.equals("content-md5")) {
                contentMd5 = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            } else if (name.startsWith("x-oss-")) {
                ossHeaders.putIfAbsent(name, value);
            }
        }
        StringBuilder sts = new StringBuilder().append(method).append('\n').append(contentMd5).append('\n')
                .append(contentType).append('\n').append(dateOrExpires).append('\n');
        ossHeaders.forEach((name, value) -> sts.append(name).append(':').append(value).append('\n'));
        return sts.append(resource).toString();
    }

    /** {@code /bucket/key} (or {@code /bucket/} for bucket requests) plus the signed sub-resources, raw values. */
    static String canonicalResource(String bucket, String rawKey, Map<String, String> query) {
        StringBuilder resource = new StringBuilder("/").append(bucket).append('/').append(rawKey);
        char separator = '?';
        for (Map.Entry<String, String> param : new TreeMap<>(query).entrySet()) {
            if (SIGNED_SUBRESOURCES.contains(param.getKey())) {
                resource.append(separator).append(param.getKey());
                if (!param.getValue().isEmpty()) {
                    resource.append('=').append(param.getValue());
                }
                separator = '&';
            }
        }
        return resource.toString();
    }

    static String sign(String secret, String stringToSign) {
        return Base64.getEncoder()
                .encodeToString(Digests.hmacSha1(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
    }
}
