package io.stsvend.cloudbox.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The V3 ({@code ACS3-HMAC-SHA256}) algorithm against a vector computed by the Tea SDK's own signer. */
class AcsV3SignatureTest {

    private static final String POLICY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/Zoë O'Brien (2)!/*\"]}]}";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Map<String, String> HEADERS = Map.of(
            "host", "127.0.0.1:8080",
            "x-acs-action", "AssumeRole",
            "x-acs-content-sha256", EMPTY_SHA256,
            "x-acs-date", "2026-11-30T01:33:11Z",
            "x-acs-signature-nonce", "3ee8c1b883d344afa94f4e0ad82fd6cf",
            "x-acs-version", "2015-04-01");
    private static final List<String> SIGNED = List.of("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
            "x-acs-signature-nonce", "x-acs-version");
    /**
     * {@code Utils.getAuthorization} of {@code @alicloud/openapi-core} 1.0 (what {@code @alicloud/sts20150401} 1.2
     * signs with) for POST / with these query parameters and headers, AccessKeyId {@code testid}, secret
     * {@code testsecret}.
     */
    private static final String SDK_SIGNATURE = "8efe827c5af2b61a0b05c901638d67f05d69b7085b8b22b8673ab7feff02530c";

    @Test
    void reproducesTheSdkSignatureFromTheQueryAsTheSdkSendsIt() {
        // The SDK leaves * ' ( ) ! literal in the URL (encodeURIComponent) but encodes them for signing.
        String sent = "DurationSeconds=3600&Policy=" + sdkUrlEncode(POLICY)
                + "&RoleArn=acs%3Aram%3A%3A1234567890123456%3Arole%2Fapp-uploader&RoleSessionName=u123";

        assertEquals(SDK_SIGNATURE, sign(sent));
    }

    @Test
    void theCanonicalQueryDoesNotDependOnHowTheClientEncodedOrOrderedIt() {
        String strict = "RoleSessionName=u123&RoleArn=" + RpcSignature.percentEncode(
                "acs:ram::1234567890123456:role/app-uploader") + "&Policy=" + RpcSignature.percentEncode(POLICY)
                + "&DurationSeconds=3600";

        assertEquals(SDK_SIGNATURE, sign(strict));
    }

    @Test
    void theCanonicalQueryEncodesStrictlyAndKeepsEmptyValues() {
        assertEquals("A=&B=%2A%27%28%29%21%20~&C=%C3%BC",
                AcsV3Signature.canonicalQuery("C=%C3%BC&B=*'()!%20~&A"));
    }

    @Test
    void bodyHashIsLowerCaseHexSha256() {
        assertEquals(EMPTY_SHA256, AcsV3Signature.sha256Hex(new byte[0]));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                AcsV3Signature.sha256Hex("hello".getBytes(StandardCharsets.UTF_8)));
    }

    private static String sign(String rawQuery) {
        String canonical = AcsV3Signature.canonicalRequest("POST", "/", AcsV3Signature.canonicalQuery(rawQuery),
                AcsV3Signature.canonicalHeaders(SIGNED, name -> List.of(HEADERS.get(name))), SIGNED, EMPTY_SHA256);
        return AcsV3Signature.sign("testsecret", AcsV3Signature.stringToSign(canonical));
    }

    private static String sdkUrlEncode(String value) {
        return RpcSignature.percentEncode(value).replace("%2A", "*").replace("%27", "'").replace("%28", "(")
                .replace("%29", ")").replace("%21", "!");
    }
}
