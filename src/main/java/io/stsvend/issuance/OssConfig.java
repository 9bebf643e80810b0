package io.stsvend.issuance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the app is told about OSS in every response ({@code stsvend.oss.*}). */
@ConfigMapping(prefix = "stsvend.oss")
public interface OssConfig {

    /** The OSS endpoint the app should use, an http(s) URL, e.g. https://oss-cn-hangzhou.aliyuncs.com. */
    @WithDefault("https://oss-cn-hangzhou.aliyuncs.com")
    String endpoint();

    /** The region id of the buckets, e.g. cn-hangzhou (the app needs it for Signature V4). */
    @WithDefault("cn-hangzhou")
    String region();
}
