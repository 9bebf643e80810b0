package io.stsvend.cloudbox.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.cloudbox.SessionClaims;
import io.stsvend.testing.TestOidcIssuer;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AssumeRoleWithOIDC (spec §1.7) over TLS, as RRSA calls it: anonymous, form body, JWT checked against the issuer. */
class AssumeRoleWithOidcTest {

    private OidcStsFixture sts;

    @BeforeEach
    void start() throws Exception {
        sts = new OidcStsFixture();
    }

    @AfterEach
    void stop() throws Exception {
        sts.close();
    }

    @Test
    void validTokenYieldsRoleCredentialsAndTokenInfo() throws Exception {
        HttpResponse<String> response = sts.postTls(sts.form(sts.validToken()));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = new JsonObject(response.body());
        JsonObject credentials = body.getJsonObject("Credentials");
        assertTrue(credentials.getString("AccessKeyId").startsWith("STS."));
        assertEquals(sts.base.codec.secretFor(credentials.getString("AccessKeyId")),
                credentials.getString("AccessKeySecret"));
        assertEquals(StsEmulatorFixture.ROLE_ARN + "/stsvend-pod", body.getJsonObject("AssumedRoleUser").getString("Arn"));
        JsonObject info = body.getJsonObject("OIDCTokenInfo");
        assertEquals(TestOidcIssuer.SUBJECT, info.getString("Subject"));
        assertEquals(TestOidcIssuer.ISSUER, info.getString("Issuer"));
        assertEquals("sts.aliyuncs.com", info.getString("ClientIds"));
        SessionClaims session = sts.base.codec.verify(credentials.getString("SecurityToken"));
        assertEquals(StsEmulatorFixture.ROLE_ARN, session.roleArn());
        assertEquals(Optional.empty(), session.policy());
        assertEquals(1, sts.emulator.assumeRoleWithOidcCalls());
    }

    @Test
    void sessionPolicyIsBoundIntoTheToken() throws Exception {
        Map<String, String> form = sts.form(sts.validToken());
        String policy = TestPolicies.ofLength(200);
        form.put("Policy", policy);

        JsonObject body = new JsonObject(sts.postTls(form).body());

        String token = body.getJsonObject("Credentials").getString("SecurityToken");
        assertEquals(Optional.of(policy), sts.base.codec.verify(token).policy());
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        HttpResponse<String> response = sts.postPlain(sts.form(sts.validToken()));

        assertEquals(403, response.statusCode());
        assertEquals("InvalidProtocol.NeedSsl", RawStsClient.code(response));
        assertEquals(0, sts.emulator.assumeRoleWithOidcCalls());
    }

    @Test
    void tokenExpiresOnTheEmulatorsClock() throws Exception {
        String token = sts.validToken();
        sts.base.clock.advance(Duration.ofMinutes(60));

        HttpResponse<String> response = sts.postTls(sts.form(token));

        assertEquals(401, response.statusCode());
        assertEquals("AuthenticationFail.OIDCToken.Expired", RawStsClient.code(response));
    }

    @Test
    void tokenOneSecondBeforeExpiryIsAccepted() throws Exception {
        String token = sts.validToken();
        sts.base.clock.advance(Duration.ofMinutes(60).minusSeconds(1));

        assertEquals(200, sts.postTls(sts.form(token)).statusCode());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("audience is not sts.aliyuncs.com", 401, "AuthenticationFail.OIDCToken.AudienceNotMatch",
                        (f, s) -> f.put("OIDCToken", s.issuer.sign(s.issuer.claims(s.now()).put("aud", "kubernetes")))),
                refusal("issuer differs from the provider's", 401, "AuthenticationFail.OIDCToken.Invalid",
                        (f, s) -> f.put("OIDCToken", s.issuer.sign(s.issuer.claims(s.now()).put("iss", "https://evil")))),
                refusal("signed by another key", 401, "AuthenticationFail.OIDCToken.InvalidSignature",
                        (f, s) -> f.put("OIDCToken", TestOidcIssuer.sign(new JsonObject().put("alg", "RS256"),
                                s.issuer.claims(s.now()), TestOidcIssuer.rsaKeyPair()))),
                refusal("alg none", 401, "AuthenticationFail.OIDCToken.Invalid",
                        (f, s) -> f.put("OIDCToken", unsigned(s.issuer.claims(s.now())))),
                refusal("no exp claim", 401, "AuthenticationFail.OIDCToken.Invalid",
                        (f, s) -> f.put("OIDCToken", s.issuer.sign(withoutExp(s.issuer.claims(s.now()))))),
                refusal("not a JWT", 401, "AuthenticationFail.OIDCToken.Invalid",
                        (f, s) -> f.put("OIDCToken", "not-a-jwt")),
                refusal("token shorter than 4 characters", 400, "InvalidParameter",
                        (f, s) -> f.put("OIDCToken", "a.b")),
                refusal("token missing", 400, "MissingParameter", (f, s) -> f.remove("OIDCToken")),
                refusal("unknown OIDC provider", 401, "AuthenticationFail.NoPermission",
                        (f, s) -> f.put("OIDCProviderArn", "acs:ram::1234567890123456:oidc-provider/other")),
                refusal("unknown role", 404, "EntityNotExist.Role",
                        (f, s) -> f.put("RoleArn", "acs:ram::1234567890123456:role/nobody")),
                refusal("malformed RoleSessionName", 400, "InvalidParameter.RoleSessionName",
                        (f, s) -> f.put("RoleSessionName", "a b")),
                refusal("DurationSeconds under 900", 400, "InvalidParameter.DurationSeconds",
                        (f, s) -> f.put("DurationSeconds", "899")),
                refusal("Policy not grammatical", 400, "InvalidParameter.PolicyGrammar",
                        (f, s) -> f.put("Policy", "{\"Version\":\"2\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithoutIssuingCredentials(String change, int status, String code,
                                          BiConsumer<Map<String, String>, OidcStsFixture> mutation) throws Exception {
        Map<String, String> form = sts.form(sts.validToken());
        mutation.accept(form, sts);

        HttpResponse<String> response = sts.postTls(form);

        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, RawStsClient.code(response));
        assertFalse(response.body().contains("AccessKeySecret"));
    }

    private static Arguments refusal(String change, int status, String code,
                                     BiConsumer<Map<String, String>, OidcStsFixture> mutation) {
        return Arguments.of(change, status, code, mutation);
    }

    private static String unsigned(JsonObject claims) {
        String signed = TestOidcIssuer.sign(new JsonObject().put("alg", "none"), claims, TestOidcIssuer.rsaKeyPair());
        return signed.substring(0, signed.lastIndexOf('.') + 1);
    }

    private static JsonObject withoutExp(JsonObject claims) {
        claims.remove("exp");
        return claims;
    }
}
