package io.stsvend.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.aliyuncs.auth.StaticCredentialsProvider;

import io.stsvend.testing.TestStsConfig;
import io.stsvend.testing.TestStsConfig.TestRrsa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which server credentials are used, and the startup problems reported for their settings. */
class ServerCredentialsTest {

    private static final String ROLE = "acs:ram::1234567890123456:role/stsvend-pod";
    private static final String PROVIDER = "acs:ram::1234567890123456:oidc-provider/ack";
    private static final Path TOKEN = Path.of("/var/run/secrets/ack.alibabacloud.com/rrsa-tokens/token");
    private static final Duration HOUR = Duration.ofHours(1);

    private static TestStsConfig config(Optional<String> keyId, TestRrsa rrsa) {
        return new TestStsConfig("acs:ram::1234567890123456:role/stsvend-app", Optional.empty(),
                TestStsConfig.Protocol.HTTPS, keyId, keyId.map(id -> "secret"), rrsa);
    }

    private static TestRrsa rrsa(String role, String provider, Path token, Duration duration) {
        return new TestRrsa(role, provider, token, null, Optional.empty(), duration);
    }

    static Stream<Arguments> settings() {
        Optional<String> key = Optional.of("LTAIkey");
        Optional<String> none = Optional.empty();
        return Stream.of(
                Arguments.of("static key only", key, rrsa(null, null, null, HOUR), List.of()),
                Arguments.of("complete RRSA, no key", none, rrsa(ROLE, PROVIDER, TOKEN, HOUR), List.of()),
                Arguments.of("neither", none, rrsa(null, null, null, HOUR),
                        List.of("stsvend.sts.access-key-id/access-key-secret")),
                Arguments.of("RRSA without token file", none, rrsa(ROLE, PROVIDER, null, HOUR),
                        List.of("stsvend.sts.rrsa")),
                Arguments.of("RRSA without provider, key set", key, rrsa(ROLE, null, TOKEN, HOUR),
                        List.of("stsvend.sts.rrsa")),
                Arguments.of("RRSA duration 899s", none, rrsa(ROLE, PROVIDER, TOKEN, Duration.ofSeconds(899)),
                        List.of("stsvend.sts.rrsa.duration")),
                Arguments.of("RRSA duration 43201s", none, rrsa(ROLE, PROVIDER, TOKEN, Duration.ofSeconds(43201)),
                        List.of("stsvend.sts.rrsa.duration")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void reportsEachProblemByProperty(String name, Optional<String> keyId, TestRrsa rrsa, List<String> expected) {
        List<String> properties = ServerCredentials.problems(config(keyId, rrsa)).stream()
                .map(problem -> problem.substring(0, problem.indexOf(':'))).toList();

        assertEquals(expected, properties);
    }

    @Test
    void staticKeyWhenRrsaIsNotConfigured() {
        assertInstanceOf(StaticCredentialsProvider.class,
                ServerCredentials.provider(config(Optional.of("LTAIkey"), rrsa(null, null, null, HOUR))));
    }

    @Test
    void rrsaWhenConfigured() {
        assertInstanceOf(RrsaCredentialsProvider.class,
                ServerCredentials.provider(config(Optional.of("LTAIkey"), rrsa(ROLE, PROVIDER, TOKEN, HOUR))));
    }
}
