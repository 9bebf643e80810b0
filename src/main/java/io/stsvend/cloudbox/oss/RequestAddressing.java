package io.stsvend.cloudbox.oss;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the bucket and raw key of a request. Virtual-hosted style when the {@code Host} (port ignored) is
 * {@code <bucket>.<virtualHostSuffix>}, {@code <bucket>.oss-<region>.aliyuncs.com} or
 * {@code <bucket>.oss-<region>-internal.aliyuncs.com}, as real OSS would address it; otherwise path style,
 * {@code /<bucket>/<key>}. The key is the percent-decoded remainder of the path, taken literally: OSS keys are raw
 * strings, so {@code ..}, {@code //} and trailing slashes are never normalised away.
 */
final class RequestAddressing {

    private final Map<String, OssBucket> buckets;
    private final List<String> hostSuffixes;

    RequestAddressing(OssSettings settings) {
        this.buckets = settings.bucketsByName();
        // Besides the configured suffix, OSS's own public and internal endpoint names for the region: ali-oss given
        // an IP endpoint connects to the IP but sends Host: <bucket>.oss-<region>.aliyuncs.com.
        this.hostSuffixes = List.of("." + settings.virtualHostSuffix().toLowerCase(Locale.ROOT),
                ".oss-" + settings.region() + ".aliyuncs.com", ".oss-" + settings.region() + "-internal.aliyuncs.com");
    }

    /** @throws OssException NoSuchBucket for an unknown bucket, NotImplemented for service-level requests */
    OssRequest parse(HttpServerRequest request, Buffer body) {
        String host = request.headers().get("Host");
        String rawPath = request.path() == null ? "/" : request.path();
        String bucketName = virtualHostBucket(host);
        String rawKey;
        if (bucketName != null) {
            rawKey = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        } else {
            String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            int slash = path.indexOf('/');
            bucketName = UriEncoding.decode(slash < 0 ? path : path.substring(0, slash));
            rawKey = slash < 0 ? "" : path.substring(slash + 1);
        }
        if (bucketName.isEmpty()) {
            throw new OssException(OssErrorCode.NOT_IMPLEMENTED, "Service-level operations are not emulated.");
        }
        OssBucket bucket = buckets.get(bucketName);
        if (bucket == null) {
            throw new OssException(OssErrorCode.NO_SUCH_BUCKET, OssErrorCode.NO_SUCH_BUCKET.message,
                    Map.of("BucketName", bucketName));
        }
        String sourceIp = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        return new OssRequest(request.method().name(), bucket, UriEncoding.decode(rawKey),
                UriEncoding.parseQuery(request.query()), request.headers(), host == null ? "" : host, sourceIp,
                request.isSSL(), body);
    }

    /** Whether a request with this {@code Host} is addressed virtual-hosted style. */
    boolean isVirtualHosted(String host) {
        return virtualHostBucket(host) != null;
    }

    private String virtualHostBucket(String host) {
        if (host == null) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        for (String suffix : hostSuffixes) {
            if (name.endsWith(suffix)) {
                String label = name.substring(0, name.length() - suffix.length());
                return label.isEmpty() || label.contains(".") ? null : label;
            }
        }
        return null;
    }
}
