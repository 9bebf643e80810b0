package io.stsvend.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.RawHttp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client faults never write ERROR (or WARN) lines or stack traces, however often they are repeated, and are answered
 * with problem+json: an invalid {@code Host} header (no token needed).
 */
@QuarkusTest
class ClientFaultLoggingTest {

    @TestHTTPResource("/")
    URL url;

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"exa mple.com", "example.com:99999x", "[::1", "a/b", "host:port"})
    void anInvalidHostHeaderIsABadRequestProblemAndNoError(String host) {
        try (LogCapture logs = LogCapture.install()) {
            for (int i = 0; i < 5; i++) {
                RawHttp.Answer answer = RawHttp.send(url.getPort(), "GET /credentials HTTP/1.1\r\nHost: " + host
                        + "\r\nConnection: close\r\n\r\n");

                assertEquals(400, answer.status(), answer.head());
                assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                        answer.head() + "\n" + answer.body());
                assertTrue(answer.body().contains("\"code\":\"bad-request\""), answer.body());
            }
            assertQuiet(logs);
        }
    }

    /**
     * The unauthenticated callback endpoint refuses oversized or unbounded bodies on their headers: each request
     * sends only a few bytes of the body it announces, so only an answer given before reading ends it in time.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Content-Length: 200000|413|payload-too-large",
            "Transfer-Encoding: chunked|400|bad-request"})
    void anUnboundedCallbackBodyIsRefusedBeforeItIsReadAndLogsNoError(String spec) {
        String[] parts = spec.split("\\|");
        try (LogCapture logs = LogCapture.install()) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Answer answer = RawHttp.sendForOneAnswer(url.getPort(), "POST /oss/callback HTTP/1.1\r\nHost: localhost"
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\n" + parts[0]
                        + "\r\nConnection: close\r\n\r\n11\r\nbucket=app-bucket\r\n");

                assertEquals(Integer.parseInt(parts[1]), answer.status(), answer.head());
                assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                        answer.head() + "\n" + answer.body());
                assertTrue(answer.body().contains("\"code\":\"" + parts[2] + "\""), answer.body());
            }
            assertQuiet(logs);
        }
    }

    private static void assertQuiet(LogCapture logs) {
        List<LogCapture.Line> loud = logs.lines().stream()
                .filter(l -> l.level().intValue() >= Level.WARNING.intValue() || l.text().contains("\tat "))
                .toList();
        assertTrue(loud.isEmpty(), "client faults logged: " + loud);
    }
}
