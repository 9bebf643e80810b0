package io.stsvend.cloudbox.sts;

import static io.stsvend.cloudbox.sts.RawStsClient.callerIdentity;
import static io.stsvend.cloudbox.sts.RawStsClient.code;
import static io.stsvend.cloudbox.sts.RawStsClient.encode;
import static io.stsvend.cloudbox.sts.RawStsClient.json;
import static io.stsvend.cloudbox.sts.RawStsClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wire-level checks with hand-signed requests: replay, clock skew, encodings and the error body. */
class StsEmulatorRawHttpTest {

    @RegisterExtension
    final StsEmulatorFixture sts = new StsEmulatorFixture();
    private final RawStsClient raw = new RawStsClient(sts.port);

    @Test
    void replayedNonceIsRefused() throws Exception {
        Map<String, String> request = signed("POST", callerIdentity(sts.clock.instant()));

        assertEquals(200, raw.post(request).statusCode());
        HttpResponse<String> replay = raw.post(request);

        assertEquals(400, replay.statusCode());
        assertEquals("SignatureNonceUsed", code(replay));
    }

    @Test
    void noncesAreForgottenOnceTheirTimestampLeavesTheWindow() throws Exception {
        raw.post(signed("POST", callerIdentity(sts.clock.instant())));
        assertEquals(1, sts.emulator.rememberedNonces());

        sts.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(200, raw.post(signed("POST", callerIdentity(sts.clock.instant()))).statusCode());

        assertEquals(1, sts.emulator.rememberedNonces());
    }

    @ParameterizedTest
    @CsvSource({"-901, 400", "901, 400", "-900, 200", "900, 200"})
    void timestampMayBeAtMostFifteenMinutesOff(long offsetSeconds, int status) throws Exception {
        HttpResponse<String> response = raw.post(signed("POST",
                callerIdentity(sts.clock.instant().plusSeconds(offsetSeconds))));

        assertEquals(status, response.statusCode());
        if (status == 400) {
            assertEquals("InvalidTimeStamp.Expired", code(response));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01 10:00:00", "2026-02-30T10:00:00Z", "2026-01-01T10:00:00.Z",
            "2026-01-01T10:00:00.1234567890Z", "2026-01-01T10:00:00+08:00", "1767261600"})
    void malformedTimestampIsAFormatError(String timestamp) throws Exception {
        Map<String, String> params = callerIdentity(sts.clock.instant());
        params.put("Timestamp", timestamp);

        assertEquals("InvalidTimeStamp.Format", code(raw.post(signed("POST", params))));
    }

    @Test
    void fractionalSecondsAsAliOssSendsThemAreAccepted() throws Exception {
        // ali-oss's STS client stamps Date.toISOString(), e.g. 2026-01-01T10:00:00.123Z, and real STS serves it.
        Map<String, String> params = callerIdentity(sts.clock.instant());
        params.put("Timestamp", params.get("Timestamp").replace("Z", ".123Z"));

        assertEquals(200, raw.post(signed("POST", params)).statusCode());
    }

    @Test
    void errorBodyIsFlatJsonWithTheDocumentedKeys() throws Exception {
        Map<String, String> params = callerIdentity(sts.clock.instant());
        params.put("AccessKeyId", "LTAI5tUnknown");

        HttpResponse<String> response = raw.post(signed("POST", params));

        assertEquals(404, response.statusCode());
        assertEquals("application/json;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject body = json(response);
        assertEquals(List.of("RequestId", "HostId", "Code", "Message", "Recommend"), List.copyOf(body.fieldNames()));
        assertEquals("InvalidAccessKeyId.NotFound", body.getString("Code"));
        assertEquals("Specified access key is not found.", body.getString("Message"));
        assertEquals(body.getString("RequestId"), response.headers().firstValue("x-acs-request-id").orElseThrow());
    }

    @Test
    void signatureMismatchEchoesTheServerStringToSignButNoSecret() throws Exception {
        Map<String, String> params = signed("POST", callerIdentity(sts.clock.instant()));
        params.put("Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        HttpResponse<String> response = raw.post(params);

        assertEquals(400, response.statusCode());
        assertEquals("SignatureDoesNotMatch", code(response));
        assertEquals("Specified signature is not matched with our calculation. server string to sign is:"
                + RpcSignature.stringToSign("POST", params), json(response).getString("Message"));
        assertFalse(response.body().contains(StsEmulatorFixture.ACCESS_KEY_SECRET));
    }

    @ParameterizedTest
    @CsvSource({"SignatureMethod, HMAC-SHA256, InvalidSignatureMethod",
            "SignatureVersion, 2.0, InvalidSignatureVersion",
            "Version, 2014-05-26, InvalidParameter",
            "Action, DescribeRegions, InvalidAction.NotFound"})
    void unsupportedProtocolValuesAreRefused(String name, String value, String expectedCode) throws Exception {
        Map<String, String> params = callerIdentity(sts.clock.instant());
        params.put(name, value);

        assertEquals(expectedCode, code(raw.post(signed("POST", params))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Signature", "AccessKeyId", "Timestamp", "SignatureNonce", "Action"})
    void missingRequiredParameterIsNamed(String name) throws Exception {
        Map<String, String> params = callerIdentity(sts.clock.instant());
        params.remove(name);

        HttpResponse<String> response = raw.post(name.equals("Signature") ? params : signed("POST", params));

        assertEquals(400, response.statusCode());
        assertEquals("MissingParameter", code(response));
        assertTrue(json(response).getString("Message").contains("\"" + name + "\""));
    }

    @ParameterizedTest
    @CsvSource({"text/plain, 400", "multipart/form-data, 400", "application/xml, 400",
            "application/json, 200", "application/json; charset=utf-8, 200", "Application/X-WWW-Form-Urlencoded, 200"})
    void contentTypeMustBeFormOrJson(String contentType, int status) throws Exception {
        String query = "/?" + encode(signed("POST", callerIdentity(sts.clock.instant())));

        HttpResponse<String> response = raw.send("POST", query, contentType, "");

        assertEquals(status, response.statusCode(), response.body());
        if (status == 400) {
            assertEquals("InvalidParameter.ContentType", code(response));
        }
    }

    @Test
    void formBodyParametersAreSignedAndPlusDecodesToSpace() throws Exception {
        String policy = "{\"Version\": \"1\", \"Statement\": []}";
        Map<String, String> params = callerIdentity(sts.clock.instant());
        params.put("Action", "AssumeRole");
        params.put("RoleArn", StsEmulatorFixture.ROLE_ARN);
        params.put("RoleSessionName", "u123");
        params.put("Policy", policy);
        String body = encode(signed("POST", params)).replace("%20", "+");

        HttpResponse<String> response = raw.send("POST", "/", "application/x-www-form-urlencoded; charset=UTF-8", body);

        assertEquals(200, response.statusCode(), response.body());
        String token = json(response).getJsonObject("Credentials").getString("SecurityToken");
        assertEquals(policy, sts.codec.verify(token).policy().orElseThrow());
    }

    @Test
    void getRequestsWithoutContentTypeAreServed() throws Exception {
        String query = "/?" + encode(signed("GET", callerIdentity(sts.clock.instant())));

        HttpResponse<String> response = raw.send("GET", query, null, "");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("RAMUser", json(response).getString("IdentityType"));
    }

    @Test
    void parameterGivenTwiceIsRefused() throws Exception {
        Map<String, String> params = signed("POST", callerIdentity(sts.clock.instant()));
        String body = "Action=AssumeRole";

        HttpResponse<String> response = raw.send("POST", "/?" + encode(params), "application/x-www-form-urlencoded",
                body);

        assertEquals(400, response.statusCode());
        assertEquals("InvalidParameter", code(response));
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        HttpResponse<String> response = raw.send("POST", "/v1/?" + encode(signed("POST",
                callerIdentity(sts.clock.instant()))), "application/x-www-form-urlencoded", "");

        assertEquals(404, response.statusCode());
        assertEquals("InvalidAction.NotFound", code(response));
    }
}
