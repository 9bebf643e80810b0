package io.stsvend.testing;

import io.stsvend.cloudbox.CloudBox;

import java.util.HashMap;
import java.util.Map;

/**
 * What an operator sets to point the packaged service at a {@link CloudBox}, exactly as they would point it at
 * Alibaba Cloud: the STS endpoint, protocol and role ARN, the OSS endpoint given to apps, and the box's callback
 * public key URL as an accepted one. The RAM user's key is kept apart, as properties or as the environment variables
 * a Kubernetes Secret would set, so callers choose how a secret reaches the process. The one place that knows these
 * names, for every test that runs the production artifact against a box outside it.
 */
public final class CloudBoxSettings {

    private CloudBoxSettings() {
    }

    /** Endpoints and role: system properties of the service. */
    public static Map<String, String> properties(CloudBox box) {
        return Map.of("stsvend.sts.endpoint", box.stsEndpoint(), "stsvend.sts.protocol", "http",
                "stsvend.sts.role-arn", box.roleArn(), "stsvend.oss.endpoint", box.ossEndpoint().toString(),
                "stsvend.callback.extra-public-key-url-prefixes", box.callbackPublicKeyUrl().toString());
    }

    /** The RAM user's key as the service's own properties. */
    public static Map<String, String> keyProperties(CloudBox box) {
        return Map.of("stsvend.sts.access-key-id", box.ramUser().accessKeyId(),
                "stsvend.sts.access-key-secret", box.ramUser().accessKeySecret());
    }

    /** {@link #properties} and {@link #keyProperties} together. */
    public static Map<String, String> withKey(CloudBox box) {
        Map<String, String> all = new HashMap<>(properties(box));
        all.putAll(keyProperties(box));
        return Map.copyOf(all);
    }

    /** The RAM user's key as the environment variables a Kubernetes Secret would set. */
    public static Map<String, String> keyEnvironment(CloudBox box) {
        return Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", box.ramUser().accessKeyId(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", box.ramUser().accessKeySecret());
    }
}
