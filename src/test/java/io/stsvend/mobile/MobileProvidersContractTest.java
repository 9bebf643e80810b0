package io.stsvend.mobile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.testing.TestTokens;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mobile providers (docs/mobile.md) against the running service: the Kotlin fetcher and parser
 * ({@code src/main/mobile/android/jvm}, compiled by this build) get the credential the native format describes, with
 * the JWT in the header; refusals reach them as {@link StsvendException} with the service's code; and every JSON
 * field the Kotlin and Swift code read is in the service's {@code format=aliyun} answers.
 */
@QuarkusTest
class MobileProvidersContractTest {

    private static final String SUBJECT = "mobile-user";
    /** What AliyunFormat.kt and StsvendCredentialProvider.swift read from a 200 and from a refusal. */
    private static final List<String> SUCCESS_FIELDS = List.of("StatusCode", "AccessKeyId", "AccessKeySecret",
            "SecurityToken", "Expiration");
    private static final List<String> ERROR_FIELDS = List.of("StatusCode", "ErrorCode", "ErrorMessage");

    @TestHTTPResource("/")
    URL service;

    @Test
    void theKotlinFetcherGetsTheSameCredentialAsTheNativeFormat() {
        String jwt = TestTokens.forSubject(SUBJECT);
        JsonPath nativeBody = given().auth().oauth2(jwt).get("/credentials").then().statusCode(200).extract()
                .jsonPath();
        StsvendToken token = new StsvendTokenFetcher(service.toString(), () -> jwt, 10_000, 10_000).fetch();
        assertEquals(nativeBody.getString("accessKeyId"), token.getAccessKeyId());
        assertEquals(nativeBody.getString("accessKeySecret"), token.getAccessKeySecret());
        assertEquals(nativeBody.getString("securityToken"), token.getSecurityToken());
        assertEquals(Instant.parse(nativeBody.getString("expiration")).getEpochSecond(),
                token.getExpirationEpochSeconds());
        assertFalse(token.toString().contains(token.getAccessKeySecret()), "toString hides the secret");
        assertFalse(token.toString().contains(token.getSecurityToken()), "toString hides the token");
    }

    @Test
    void aRefusalReachesTheFetcherWithTheServicesCode() {
        String jwt = TestTokens.forSubject("../" + SUBJECT);
        StsvendException refused = assertThrows(StsvendException.class,
                () -> new StsvendTokenFetcher(service.toString(), () -> jwt, 10_000, 10_000).fetch());
        assertEquals(403, refused.getStatus());
        assertEquals("invalid-claim", refused.getCode());
        assertFalse(refused.getMessage().contains(jwt));
    }

    @Test
    void aBlockedSubjectIsANonRetryableRefusalThatTheHoldAnswersWithoutAskingAgain() {
        String admin = TestTokens.claims("mobile-admin").audience("stsvend-admin")
                .groups(java.util.Set.of("stsvend-admin")).sign(TestTokens.privateKey("test-keys/privateKey.pem"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"blockForSeconds\":600}")
                .post("/admin/subjects/{s}/revoke", "mobile-blocked").then().statusCode(200);
        String jwt = TestTokens.forSubject("mobile-blocked");
        StsvendException refused = assertThrows(StsvendException.class,
                () -> new StsvendTokenFetcher(service.toString(), () -> jwt, 10_000, 10_000).fetch());
        assertEquals(403, refused.getStatus());
        assertEquals(StsvendException.SUBJECT_BLOCKED, refused.getCode());
        assertFalse(refused.getRetryable(), "subject-blocked is not retryable");

        BlockedHold hold = new BlockedHold(60);
        hold.check(1_000);
        assertTrue(hold.record(refused, 1_000));
        assertEquals(refused, assertThrows(StsvendException.class, () -> hold.check(1_059)), "held for 60 s");
        hold.check(1_060);
        assertTrue(hold.record(refused, 2_000));
        hold.clear();
        hold.check(2_001);
        StsvendException outage = new StsvendException(503, "sts-unavailable", "down", 2L, null);
        assertTrue(outage.getRetryable());
        assertFalse(hold.record(outage, 3_000), "only a block is held");
        hold.check(3_001);
        assertTrue(new StsvendException(429, "rate-limited", "later", 1L, null).getRetryable());
        assertFalse(new StsvendException(403, "forbidden", "no", null, null).getRetryable());
    }

    @Test
    void aBadJwtIsUnauthenticatedFromTheProblemBody() {
        // 401s are raised before the resource runs and stay problem+json: the parser reads `code` there.
        StsvendException refused = assertThrows(StsvendException.class,
                () -> new StsvendTokenFetcher(service.toString(), () -> "not-a-jwt", 10_000, 10_000).fetch());
        assertEquals(401, refused.getStatus());
        assertEquals("unauthenticated", refused.getCode());
    }

    @Test
    void noJwtIsRefusedBeforeAnyRequest() {
        StsvendException refused = assertThrows(StsvendException.class,
                () -> new StsvendTokenFetcher("http://127.0.0.1:1", () -> null, 1_000, 1_000).fetch());
        assertEquals("no-token", refused.getCode());
    }

    @Test
    void anUnreachableServiceIsUnreachable() {
        StsvendException refused = assertThrows(StsvendException.class,
                () -> new StsvendTokenFetcher("http://127.0.0.1:1", () -> "x", 2_000, 2_000).fetch());
        assertEquals(0, refused.getStatus());
        assertEquals("unreachable", refused.getCode());
    }

    @Test
    void everyFieldTheMobileCodeReadsIsInTheAliyunFormat() throws Exception {
        JsonPath ok = given().auth().oauth2(TestTokens.forSubject(SUBJECT)).queryParam("format", "aliyun")
                .get("/credentials").then().statusCode(200).extract().jsonPath();
        for (String field : SUCCESS_FIELDS) {
            assertTrue(ok.get(field) instanceof String && !ok.getString(field).isEmpty(), field + " in a 200");
        }
        assertEquals("200", ok.getString("StatusCode"), "a string, compared as such");
        JsonPath refused = given().auth().oauth2(TestTokens.forSubject("../x")).queryParam("format", "aliyun")
                .get("/credentials").then().statusCode(403).extract().jsonPath();
        for (String field : ERROR_FIELDS) {
            assertTrue(refused.get(field) instanceof String, field + " in a refusal");
        }
        // The Swift and Kotlin sources read exactly these names: a rename on either side fails here.
        for (Path source : List.of(Path.of("src/main/mobile/ios/StsvendCredentialProvider.swift"),
                Path.of("src/main/mobile/android/jvm/io/stsvend/mobile/AliyunFormat.kt"))) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (String field : concat(SUCCESS_FIELDS, ERROR_FIELDS)) {
                assertTrue(text.contains("\"" + field + "\""), source + " does not read " + field);
            }
        }
    }

    @Test
    void theParserRefusesBodiesWithoutTheFourFieldsAndQuotesNoValue() {
        String half = "{\"StatusCode\":\"200\",\"AccessKeyId\":\"STS.a\",\"AccessKeySecret\":\"s3cr3t-value\"}";
        StsvendException bad = assertThrows(StsvendException.class, () -> AliyunFormat.INSTANCE.parse(200, half, null));
        assertEquals("bad-response", bad.getCode());
        assertFalse(bad.getMessage().contains("s3cr3t-value"));
        String wrongStatus = "{\"StatusCode\":200,\"AccessKeyId\":\"a\",\"AccessKeySecret\":\"b\","
                + "\"SecurityToken\":\"c\",\"Expiration\":\"2026-01-01T00:00:00Z\"}";
        assertEquals("bad-response", assertThrows(StsvendException.class,
                () -> AliyunFormat.INSTANCE.parse(200, wrongStatus, null)).getCode(), "StatusCode must be a string");
        assertEquals("bad-response", assertThrows(StsvendException.class,
                () -> AliyunFormat.INSTANCE.parse(200, "x".repeat(AliyunFormat.MAX_BODY_CHARS + 1), null)).getCode());
        StsvendException throttled = assertThrows(StsvendException.class, () -> AliyunFormat.INSTANCE.parse(503,
                "{\"StatusCode\":\"503\",\"ErrorCode\":\"sts-throttled\",\"ErrorMessage\":\"Try later.\"}", 3L));
        assertEquals("sts-throttled", throttled.getCode());
        assertEquals(3L, throttled.getRetryAfterSeconds());
        assertNull(assertThrows(StsvendException.class, () -> AliyunFormat.INSTANCE.parse(500, "<html>", null))
                .getRetryAfterSeconds());
    }

    @Test
    void refreshPolicyAsksAgainOnlyInsideTheMargin() {
        RefreshPolicy policy = new RefreshPolicy(300);
        StsvendToken token = new StsvendToken("a", "b", "c", 10_000);
        assertTrue(policy.needsRefresh(null, 0));
        assertFalse(policy.needsRefresh(token, 10_000 - 300));
        assertTrue(policy.needsRefresh(token, 10_000 - 299));
        assertThrows(IllegalArgumentException.class, () -> new RefreshPolicy(-1));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
