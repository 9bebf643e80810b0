package io.stsvend.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.assertDenied;
import static io.stsvend.e2e.OssAssertions.put;
import static io.stsvend.e2e.OssAssertions.read;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@code GET /credentials?access=…&prefix=…}: an app asks for less than it may have, gets a token the OSS emulator
 * holds to exactly that, cached under its own key (a broader cached token is never handed back, nor a narrower one
 * for a broader request), and is refused anything more.
 */
@QuarkusTest
class NarrowedScopeE2eTest {

    @Test
    void readOnlyTokenOnOneAlbumReadsThereAndNothingElse() {
        String jwt = TestTokens.forSubject("narrow-ann");
        OSS full = Vended.forJwt(jwt).client(SignVersion.V4);
        JsonPath narrowedBody = request(jwt).queryParam("access", "read").queryParam("prefix", "users/narrow-ann/album/")
                .when().get("/credentials").then().statusCode(200)
                .body("grants[0].prefix", equalTo("users/narrow-ann/album/"))
                .body("grants[0].access", equalTo(List.of("read")))
                .extract().jsonPath();
        OSS viewer = vended(narrowedBody).client(SignVersion.V4);
        try {
            put(full, BUCKET, "users/narrow-ann/album/a.txt", "in the album");
            put(full, BUCKET, "users/narrow-ann/diary.txt", "private");
            assertEquals("in the album", read(viewer, BUCKET, "users/narrow-ann/album/a.txt"));
            assertDenied(() -> read(viewer, BUCKET, "users/narrow-ann/diary.txt"));
            assertDenied(() -> put(viewer, BUCKET, "users/narrow-ann/album/b.txt", "no write"));
            assertDenied(() -> viewer.deleteObject(BUCKET, "users/narrow-ann/album/a.txt"));
        } finally {
            full.deleteObject(BUCKET, "users/narrow-ann/album/a.txt");
            full.deleteObject(BUCKET, "users/narrow-ann/diary.txt");
            full.shutdown();
            viewer.shutdown();
        }
    }

    @Test
    void broaderAndNarrowerRequestsNeverShareACachedToken() {
        String jwt = TestTokens.forSubject("narrow-bea");
        String broad = keyId(request(jwt));
        String narrow = keyId(request(jwt).queryParam("access", "read"));
        assertNotEquals(broad, narrow, "a narrower request got the broader cached token");
        assertEquals(narrow, keyId(request(jwt).queryParam("access", "read")), "the narrowed token is cached");
        assertEquals(broad, keyId(request(jwt)), "the broad token is still its own entry");
        assertNotEquals(narrow, keyId(request(jwt).queryParam("access", "read")
                .queryParam("prefix", "users/narrow-bea/x/")));
    }

    @ParameterizedTest(name = "access={0} prefix={1} -> {2} {3}")
    @CsvSource(nullValues = "-", textBlock = """
            write, -, 200, -
            'read,write,delete,list', users/narrow-cy/, 200, -
            -, users/narrow-dee/, 403, forbidden
            -, users/, 403, forbidden
            admin, -, 400, bad-request
            -, users/narrow-cy/../narrow-dee/, 400, bad-request
            -, users/narrow-cy, 400, bad-request
            """)
    void onlyNarrowingIsAccepted(String access, String prefix, int status, String code) {
        RequestSpecification spec = request(TestTokens.forSubject("narrow-cy"));
        if (access != null) {
            spec.queryParam("access", access);
        }
        if (prefix != null) {
            spec.queryParam("prefix", prefix);
        }
        var response = spec.when().get("/credentials").then().statusCode(status);
        if (code != null) {
            response.contentType("application/problem+json").body("code", equalTo(code));
        }
    }

    @Test
    void repeatedParameterIsBadRequest() {
        request(TestTokens.forSubject("narrow-cy")).queryParam("access", "read").queryParam("access", "write")
                .when().get("/credentials").then().statusCode(400).body("code", equalTo("bad-request"));
    }

    private static RequestSpecification request(String jwt) {
        return given().auth().oauth2(jwt);
    }

    private static String keyId(RequestSpecification spec) {
        return spec.when().get("/credentials").then().statusCode(200).extract().path("accessKeyId");
    }

    private static Vended vended(JsonPath body) {
        Map<String, Object> m = body.getMap("");
        return new Vended((String) m.get("accessKeyId"), (String) m.get("accessKeySecret"),
                (String) m.get("securityToken"), Instant.parse((String) m.get("expiration")),
                (String) m.get("region"), (String) m.get("endpoint"));
    }
}
