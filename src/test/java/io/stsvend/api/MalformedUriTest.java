package io.stsvend.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.LogCapture;
import io.stsvend.testing.RawHttp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request-target that is not a valid URI is a 400 {@code bad-request} in problem+json, on every path (public,
 * authenticated, unknown), before authentication and without an ERROR line; a valid one still reaches its route.
 */
@QuarkusTest
class MalformedUriTest {

    @TestHTTPResource("/")
    URL url;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/credentials?prefix=%zz", "/credentials?prefix=%", "/cred%zzentials",
            "/credentials?x={}", "/credentials?x=a|b", "/q/health/live?%zz", "/no/such/path%g1",
            "/oss/callback?%zz"})
    void aMalformedUriIsABadRequestProblem(String target) {
        try (LogCapture logs = LogCapture.install()) {
            RawHttp.Answer answer = RawHttp.send(url.getPort(), "GET " + target
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertEquals(400, answer.status(), answer.head());
            assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                    answer.head() + "\n" + answer.body());
            assertTrue(answer.body().contains("\"code\":\"bad-request\""), answer.body());
            assertFalse(answer.body().contains("zz"), "the problem echoes no request text: " + answer.body());
            List<LogCapture.Line> loud = logs.lines().stream()
                    .filter(l -> l.level().intValue() >= Level.WARNING.intValue() || l.text().contains("\tat "))
                    .toList();
            assertTrue(loud.isEmpty(), "a client fault logged: " + loud);
        }
    }

    @Test
    void aWellFormedEscapeStillReachesItsRoute() {
        RawHttp.Answer answer = RawHttp.send(url.getPort(),
                "GET /credentials?prefix=users%2Falice%20x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(401, answer.status(), answer.head());
    }

    @Test
    void theUriCheckMatchesJavaNetUri() {
        assertTrue(RequestUriCheck.isValid("/credentials?prefix=a%20b"));
        assertFalse(RequestUriCheck.isValid("/credentials?prefix=%zz"));
        assertFalse(RequestUriCheck.isValid(null));
    }
}
