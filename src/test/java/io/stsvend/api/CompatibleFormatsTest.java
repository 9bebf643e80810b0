package io.stsvend.api;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CustomSessionCredentialsProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.URLCredentialsProvider;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ?format=aliyun} and {@code ?format=credentials-uri} (spec §7) as the real Java SDK providers read them,
 * reached through {@link AuthorizingProxy} because those providers cannot send a bearer token themselves.
 */
@QuarkusTest
class CompatibleFormatsTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void ossCustomSessionProviderReadsTheAliyunFormatAndTheClientWorks() throws Exception {
        try (AuthorizingProxy proxy = new AuthorizingProxy(service, TestTokens.forSubject("compat-ann"))) {
            CustomSessionCredentialsProvider provider =
                    new CustomSessionCredentialsProvider(proxy.url("/credentials?format=aliyun"));
            Credentials credentials = provider.getCredentials();
            assertNotNull(credentials, "the provider refused the body");
            assertTrue(credentials.getAccessKeyId().startsWith("STS."));
            assertTrue(credentials.useSecurityToken());
            OSS oss = client(provider);
            try {
                oss.putObject("app-bucket", "users/compat-ann/via-provider.txt",
                        new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)));
                assertTrue(oss.doesObjectExist("app-bucket", "users/compat-ann/via-provider.txt"));
                oss.deleteObject("app-bucket", "users/compat-ann/via-provider.txt");
            } finally {
                oss.shutdown();
            }
        }
    }

    @Test
    void coreUrlCredentialsProviderReadsTheCredentialsUriFormat() throws Exception {
        try (AuthorizingProxy proxy = new AuthorizingProxy(service, TestTokens.forSubject("compat-bea"))) {
            AlibabaCloudCredentials credentials = URLCredentialsProvider.builder()
                    .credentialsURI(proxy.url("/credentials?format=credentials-uri")).build().getCredentials();
            BasicSessionCredentials session = assertInstanceOf(BasicSessionCredentials.class, credentials);
            assertTrue(session.getAccessKeyId().startsWith("STS."));
            assertTrue(session.getSessionToken().length() > 40);
        }
    }

    @Test
    void aliyunBodyHasAStringStatusCodeAndNothingElseButTheFourKeys() {
        given().auth().oauth2(TestTokens.forSubject("compat-cy")).queryParam("format", "aliyun")
                .when().get("/credentials").then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("StatusCode", equalTo("200"))
                .body("AccessKeyId", matchesPattern("STS\\..+"))
                .body("Expiration", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .body("Code", nullValue())
                .body("grants", nullValue());
    }

    @Test
    void credentialsUriBodySaysSuccess() {
        given().auth().oauth2(TestTokens.forSubject("compat-cy")).queryParam("format", "credentials-uri")
                .when().get("/credentials").then().statusCode(200)
                .body("Code", equalTo("Success"))
                .body("StatusCode", nullValue())
                .body("SecurityToken", matchesPattern(".{40,}"));
    }

    @Test
    void aliyunErrorsCarryStatusCodeErrorCodeAndMessage() {
        given().auth().oauth2(TestTokens.forSubject("compat-dee")).queryParam("format", "aliyun")
                .queryParam("prefix", "users/someone-else/")
                .when().get("/credentials").then().statusCode(403).contentType("application/json")
                .body("StatusCode", equalTo("403"))
                .body("ErrorCode", equalTo("forbidden"))
                .body("ErrorMessage", matchesPattern(".*within your grants.*"));
        given().auth().oauth2(TestTokens.forSubject("compat-dee")).queryParam("format", "aliyun")
                .queryParam("access", "admin")
                .when().get("/credentials").then().statusCode(400)
                .body("StatusCode", equalTo("400")).body("ErrorCode", equalTo("bad-request"));
    }

    @Test
    void unknownFormatIsAProblem() {
        given().auth().oauth2(TestTokens.forSubject("compat-dee")).queryParam("format", "xml")
                .when().get("/credentials").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("bad-request"));
    }

    @Test
    void withoutTheProxyTheProviderGetsNothing() {
        CustomSessionCredentialsProvider provider =
                new CustomSessionCredentialsProvider(service.resolve("/credentials?format=aliyun").toString());
        assertEquals(null, provider.getCredentials(), "no bearer token, no credentials");
    }

    private static OSS client(CustomSessionCredentialsProvider provider) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        var config = ConfigProvider.getConfig();
        return OSSClientBuilder.create().endpoint(config.getValue("stsvend.oss.endpoint", String.class))
                .region(config.getValue("stsvend.oss.region", String.class)).credentialsProvider(provider)
                .clientConfiguration(conf).build();
    }
}
