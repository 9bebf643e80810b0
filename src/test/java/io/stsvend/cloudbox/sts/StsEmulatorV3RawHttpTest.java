package io.stsvend.cloudbox.sts;

import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_SECRET;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stsvend.cloudbox.IssuedSession;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * What V3 ({@code ACS3-HMAC-SHA256}) verification refuses, one change at a time, on hand-built requests (the Tea SDK
 * drives the accepted path in src/test/js/sts). Each request is first shown to pass unchanged.
 */
class StsEmulatorV3RawHttpTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @RegisterExtension
    final StsEmulatorFixture sts = new StsEmulatorFixture();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedCallIsServed() throws Exception {
        HttpResponse<String> response = send(request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("RAMUser", json(response).getString("IdentityType"));
    }

    @Test
    void aWrongSignatureDoesNotMatchAndEchoesNoSecret() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, "not-the-secret");

        HttpResponse<String> response = send(request);

        assertEquals(400, response.statusCode());
        assertEquals("SignatureDoesNotMatch", code(response));
        assertFalse(response.body().contains(ACCESS_KEY_SECRET));
    }

    @Test
    void anUnknownKeyIsNotFound() throws Exception {
        HttpResponse<String> response = send(request("GetCallerIdentity", "NOSUCHKEY0000001", ACCESS_KEY_SECRET));

        assertEquals(404, response.statusCode());
        assertEquals("InvalidAccessKeyId.NotFound", code(response));
    }

    @Test
    void anUnsignedAcsHeaderMakesTheSignatureIncomplete() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        request.unsigned.put("x-acs-extra", "smuggled");

        assertEquals("IncompleteSignature", code(send(request)));
    }

    @Test
    void aBodyOtherThanTheSignedHashIsRefused() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        request.signed.put("content-type", "application/x-www-form-urlencoded");
        request.body = "RoleSessionName=changed";

        assertEquals("SignatureDoesNotMatch", code(send(request)));
    }

    @Test
    void aMissingDateIsAMissingParameter() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        request.signed.remove("x-acs-date");

        HttpResponse<String> response = send(request);

        assertEquals("MissingParameter", code(response));
        assertEquals(400, response.statusCode());
    }

    @Test
    void aStaleDateIsExpired() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        request.signed.put("x-acs-date", DATE.format(sts.clock.instant().minusSeconds(16 * 60)));

        assertEquals("InvalidTimeStamp.Expired", code(send(request)));
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        assertEquals(200, send(request).statusCode());

        assertEquals("SignatureNonceUsed", code(send(request)));
    }

    @Test
    void otherV3AlgorithmsAreNotSupported() throws Exception {
        V3Request request = request("GetCallerIdentity", ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        request.algorithm = "ACS3-HMAC-SM3";

        assertEquals("InvalidSignatureMethod", code(send(request)));
    }

    @Test
    void aTemporaryKeyNeedsItsTokenAndStillHoldsNoAssumeRole() throws Exception {
        IssuedSession session = sts.codec.mint(ROLE_ARN, "u123", Optional.empty(), sts.clock.instant().plusSeconds(900));
        V3Request withoutToken = request("GetCallerIdentity", session.accessKeyId(), session.accessKeySecret());
        V3Request assumeRole = request("AssumeRole", session.accessKeyId(), session.accessKeySecret());
        assumeRole.signed.put("x-acs-security-token", session.securityToken());
        assumeRole.query = "RoleArn=" + RpcSignature.percentEncode(ROLE_ARN) + "&RoleSessionName=escalate";

        assertEquals("MissingSecurityToken", code(send(withoutToken)));
        HttpResponse<String> refused = send(assumeRole);
        assertEquals(403, refused.statusCode());
        assertEquals("NoPermission", code(refused));
    }

    private V3Request request(String action, String accessKeyId, String secret) {
        V3Request request = new V3Request();
        request.accessKeyId = accessKeyId;
        request.secret = secret;
        request.signed.put("host", "127.0.0.1:" + sts.port);
        request.signed.put("x-acs-action", action);
        request.signed.put("x-acs-version", "2015-04-01");
        request.signed.put("x-acs-date", DATE.format(sts.clock.instant()));
        request.signed.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        request.signed.put("x-acs-content-sha256", AcsV3Signature.sha256Hex(new byte[0]));
        return request;
    }

    private HttpResponse<String> send(V3Request request) throws Exception {
        List<String> names = List.copyOf(request.signed.keySet());
        String canonical = AcsV3Signature.canonicalRequest("POST", "/", AcsV3Signature.canonicalQuery(request.query),
                AcsV3Signature.canonicalHeaders(names, name -> List.of(request.signed.get(name))), names,
                request.signed.get("x-acs-content-sha256") == null ? "" : request.signed.get("x-acs-content-sha256"));
        String signature = AcsV3Signature.sign(request.secret, AcsV3Signature.stringToSign(canonical));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sts.port + "/"
                        + (request.query.isEmpty() ? "" : "?" + request.query)))
                .POST(HttpRequest.BodyPublishers.ofString(request.body, StandardCharsets.UTF_8))
                .header("Authorization", request.algorithm + " Credential=" + request.accessKeyId + ",SignedHeaders="
                        + String.join(";", names) + ",Signature=" + signature);
        request.signed.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        request.unsigned.forEach(builder::header);
        if (!request.body.isEmpty() && !request.signed.containsKey("content-type")) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    private static String code(HttpResponse<String> response) {
        return json(response).getString("Code");
    }

    /** A V3 request before signing: what a test changes between building and sending it. */
    private static final class V3Request {
        String algorithm = AcsV3Signature.ALGORITHM;
        String accessKeyId;
        String secret;
        String query = "";
        String body = "";
        final Map<String, String> signed = new TreeMap<>();
        final Map<String, String> unsigned = new TreeMap<>();
    }
}
