package io.stsvend.cloudbox.oss;

import static io.stsvend.testing.OssXml.element;
import static org.junit.jupiter.api.Assertions.assertEquals;


import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GetObject/HeadObject preconditions, which ali-oss and the OSS SDKs offer ({@code If-Match}, {@code If-None-Match},
 * {@code If-Modified-Since}, {@code If-Unmodified-Since}): 304 Not Modified or 412 PreconditionFailed as OSS answers,
 * instead of the 200 the emulator gave whatever they said.
 */
class OssEmulatorConditionalGetTest {

    private static final String KEY = "users/u123/conditional.txt";

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();
    private String etag;
    private String lastModified;

    @BeforeEach
    void storeTheObject() throws Exception {
        etag = fixture.put(KEY, new byte[] {1, 2});
        lastModified = HttpDates.rfc1123(fixture.clock.instant());
    }

    @Test
    void ifNoneMatchTheCurrentEtagIsNotModified() throws Exception {
        assertEquals(304, get("If-None-Match", etag).statusCode());
        assertEquals(200, get("If-None-Match", "\"0000\"").statusCode());
    }

    @Test
    void ifMatchAnotherEtagFailsThePrecondition() throws Exception {
        HttpResponse<String> failed = get("If-Match", "\"0000\"");
        assertEquals(412, failed.statusCode());
        assertEquals("PreconditionFailed", element(failed.body(), "Code"));
        assertEquals(200, get("If-Match", etag).statusCode());
    }

    @Test
    void modifiedSinceConditionsFollowLastModified() throws Exception {
        String later = HttpDates.rfc1123(fixture.clock.instant().plus(Duration.ofHours(1)));
        String earlier = HttpDates.rfc1123(fixture.clock.instant().minus(Duration.ofHours(1)));
        assertEquals(304, get("If-Modified-Since", lastModified).statusCode());
        assertEquals(304, get("If-Modified-Since", later).statusCode());
        assertEquals(200, get("If-Modified-Since", earlier).statusCode());
        assertEquals(412, get("If-Unmodified-Since", earlier).statusCode());
        assertEquals(200, get("If-Unmodified-Since", lastModified).statusCode());
    }

    @Test
    void headHonoursThemToo() throws Exception {
        HttpResponse<String> head = fixture.http.send(fixture.v1Signed(fixture.session, "HEAD", KEY, "",
                Map.of("If-None-Match", etag)), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, head.statusCode());
    }

    private HttpResponse<String> get(String header, String value) throws Exception {
        return fixture.http.send(fixture.v1Signed(fixture.session, "GET", KEY, "", Map.of(header, value)),
                HttpResponse.BodyHandlers.ofString());
    }
}
