package io.stsvend.conformance;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The STS emulator of a running stsvend driven by four STS clients we did not write (ali-oss {@code STS},
 * {@code @alicloud/pop-core}, {@code @alicloud/sts20150401} on openapi-client with signature V1 and on openapi-core
 * with V3): the service's RAM-user key assumes the role with awkward session policies, an app's vended
 * credentials are refused (src/test/js/sts/signers.test.mjs).
 */
@QuarkusTest
class StsSignersConformanceTest {

    @ConfigProperty(name = "stsvend.local.ram-user.access-key-id")
    String ramAccessKeyId;

    @ConfigProperty(name = "stsvend.local.ram-user.access-key-secret")
    String ramAccessKeySecret;

    @Test
    void independentSignersAgreeWithTheEmulatorAndCannotEscalate() {
        String output = NodeScript.run("sts/signers.test.mjs", StsScriptEnv.forSubject("alice", Map.of(
                "RAM_ACCESS_KEY_ID", ramAccessKeyId,
                "RAM_ACCESS_KEY_SECRET", ramAccessKeySecret)), Duration.ofMinutes(3));
        assertTrue(output.contains("ℹ pass 31\n"), "expected 31 Node tests to pass:\n" + output);
    }
}
