package io.stsvend.upload;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The URL a PostObject form is posted to: the bucket on the configured OSS endpoint. Virtual-hosted
 * ({@code https://bucket.oss-cn-hangzhou.aliyuncs.com}) as Alibaba documents; path style
 * ({@code http://127.0.0.1:18082/bucket}) when the endpoint is an IP address or {@code localhost}, where no bucket
 * subdomain can resolve — the same rule the OSS SDK applies.
 */
final class UploadUrl {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private UploadUrl() {
    }

    static String of(String endpoint, String bucket) {
        URI uri = URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint);
        String host = uri.getHost();
        if (host == null) {
            throw new CodedException(ErrorCode.INTERNAL, "The OSS endpoint has no host.");
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        if (pathStyle(host)) {
            return uri.getScheme() + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                    + port + "/" + bucket;
        }
        return uri.getScheme() + "://" + bucket + "." + host + port;
    }

    private static boolean pathStyle(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("[") || host.contains(":")
                || IPV4.matcher(host).matches();
    }
}
