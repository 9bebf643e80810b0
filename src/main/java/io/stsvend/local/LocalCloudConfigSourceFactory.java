package io.stsvend.local;

import io.smallrye.config.ConfigSourceContext;
import io.stsvend.cloudbox.AccessKey;
import io.stsvend.cloudbox.RolePolicies;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When {@code stsvend.local.enabled} is true, points the service at the embedded cloud exactly as an operator would
 * point it at Alibaba Cloud: STS endpoint and protocol, role ARN, the RAM user's key, and the OSS endpoint given to
 * apps, and the emulator's callback public key URL as an allowed one. Also resolves port 0 to a free port, and —
 * only when no JWT key is configured — generates a demo RSA key pair for {@code mp.jwt.verify.publickey} and
 * {@code smallrye.jwt.sign.key}.
 *
 * <p>Its ordinal (275) sits above application.yaml and below environment variables and system properties, so an
 * operator can still override any value. The one exception is a port configured as 0: the free port chosen for it
 * is published in a second source at {@value #RESOLVED_PORTS_ORDINAL}, above every other, because a {@code 0} from
 * a system property or environment variable would otherwise shadow it, and the emulator would listen on another
 * free port than the one the service's endpoints point at.
 */
public class LocalCloudConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 275;
    static final int RESOLVED_PORTS_ORDINAL = 600;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!Boolean.parseBoolean(value(context, "stsvend.local.enabled", "false"))) {
            return List.of();
        }
        // Not a static field: Quarkus initialises classes at native-image build time, and a SecureRandom (or a key
        // made from one) in the image heap would be shared by every copy of the binary.
        SecureRandom random = new SecureRandom();
        Map<String, String> props = new HashMap<>();
        Map<String, String> resolvedPorts = new HashMap<>();
        String host = value(context, "stsvend.local.host", "127.0.0.1");
        int stsPort = port(context, "stsvend.local.sts.port", "18081", resolvedPorts);
        int ossPort = port(context, "stsvend.local.oss.port", "18082", resolvedPorts);
        props.put("stsvend.local.sts.port", Integer.toString(stsPort));
        props.put("stsvend.local.oss.port", Integer.toString(ossPort));
        props.put("stsvend.sts.endpoint", host + ":" + stsPort);
        props.put("stsvend.sts.protocol", "http");
        props.put("stsvend.sts.role-arn", "acs:ram::" + value(context, "stsvend.local.account-id", "1234567890123456")
                + ":role/" + value(context, "stsvend.local.role-name", "stsvend-app"));
        props.put("stsvend.oss.endpoint", "http://" + host + ":" + ossPort);
        // The OSS emulator signs upload callbacks with its own key, served where CallbackKeys says; the service's
        // callback verifier accepts that URL in local mode only (a wildcard listen address is advertised as loopback).
        String advertised = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        props.put("stsvend.callback.extra-public-key-url-prefixes", "http://" + advertised + ":" + ossPort
                + "/callback_pub_key_v1.pem");
        AccessKey generated = AccessKey.random();
        String keyId = value(context, "stsvend.local.ram-user.access-key-id", generated.accessKeyId());
        String secret = value(context, "stsvend.local.ram-user.access-key-secret", generated.accessKeySecret());
        props.put("stsvend.local.ram-user.access-key-id", keyId);
        props.put("stsvend.local.ram-user.access-key-secret", secret);
        props.put("stsvend.sts.access-key-id", keyId);
        props.put("stsvend.sts.access-key-secret", secret);
        if (value(context, "mp.jwt.verify.publickey.location", null) == null
                && value(context, "mp.jwt.verify.publickey", null) == null) {
            KeyPair demo = demoKeyPair(random);
            props.put("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(demo.getPublic().getEncoded()));
            props.put("smallrye.jwt.sign.key", Base64.getEncoder().encodeToString(demo.getPrivate().getEncoded()));
        }
        if (value(context, "mp.jwt.verify.issuer", null) == null) {
            props.put("mp.jwt.verify.issuer", "https://stsvend.local/demo");
        }
        if (value(context, "mp.jwt.verify.audiences", null) == null) {
            // Users' tokens and, kept apart from them by audience, admins' (stsvend.admin.audience's default).
            props.put("mp.jwt.verify.audiences", "stsvend,stsvend-admin");
        }
        // Explain evaluates what the emulated role itself allows, exactly as the OSS emulator does.
        if (value(context, "stsvend.explain.role-policy", null) == null) {
            String buckets = value(context, "stsvend.local.oss.buckets", "app-bucket");
            props.put("stsvend.explain.role-policy", value(context, "stsvend.local.role-policy",
                    RolePolicies.ossAllOn(List.of(buckets.split("\\s*,\\s*")))));
        }
        return List.of(new PropertiesConfigSource(props, "stsvend-local-cloud", ORDINAL),
                new PropertiesConfigSource(resolvedPorts, "stsvend-local-cloud-resolved-ports", RESOLVED_PORTS_ORDINAL));
    }

    /** The configured port, or a free one when it is 0 (then also recorded in {@code resolvedPorts}). */
    private static int port(ConfigSourceContext context, String name, String defaultValue,
                            Map<String, String> resolvedPorts) {
        String configured = value(context, name, defaultValue);
        int port = resolvePort(configured);
        if (Integer.parseInt(configured.trim()) == 0) {
            resolvedPorts.put(name, Integer.toString(port));
        }
        return port;
    }

    private static String value(ConfigSourceContext context, String name, String defaultValue) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? defaultValue : value.getValue();
    }

    private static int resolvePort(String configured) {
        int port = Integer.parseInt(configured.trim());
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the local cloud", e);
        }
    }

    private static KeyPair demoKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }
}
