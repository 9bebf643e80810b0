package io.stsvend.cloudbox.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published RPC V1 vectors (spec §2.4) and the encoding rules they depend on. */
class RpcSignatureTest {

    /** The vectors' common parameters, then {@code nameValuePairs} (name, value, name, value...). */
    private static Map<String, String> params(String... nameValuePairs) {
        Map<String, String> params = new HashMap<>(Map.of("AccessKeyId", "testid", "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z"));
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return params;
    }

    @Test
    void officialDescribeRegionsVector() {
        Map<String, String> params = params("Action", "DescribeRegions", "Format", "XML", "Version", "2014-05-26");

        String stringToSign = RpcSignature.stringToSign("GET", params);

        assertEquals("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                stringToSign);
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSignature.sign("testsecret", stringToSign));
    }

    @Test
    void assumeRolePostVector() {
        Map<String, String> params = params("Action", "AssumeRole", "DurationSeconds", "3600", "Format", "JSON",
                "RegionId", "cn-hangzhou", "RoleArn", "acs:ram::1234567890123456:role/app-uploader",
                "RoleSessionName", "u123", "Version", "2015-04-01",
                "Policy", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\","
                        + "\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/u123/*\"]}]}");

        String stringToSign = RpcSignature.stringToSign("POST", params);

        assertTrue(stringToSign.startsWith("POST&%2F&AccessKeyId%3Dtestid%26Action%3DAssumeRole"
                + "%26DurationSeconds%3D3600%26Format%3DJSON%26Policy%3D%257B%2522Version%2522%253A%25221%2522"));
        assertEquals("oqFY/HNxFB/3vBQLW75zEM1UH/c=", RpcSignature.sign("testsecret", stringToSign));
    }

    @Test
    void signatureParameterIsNotSigned() {
        Map<String, String> params = params();
        String without = RpcSignature.stringToSign("POST", params);
        params.put(RpcSignature.SIGNATURE, "anything");
        assertEquals(without, RpcSignature.stringToSign("POST", params));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a b|a%20b", "a*b|a%2Ab", "a~b|a~b", "a+b|a%2Bb", "é|%C3%A9", "A-Z_a.z|A-Z_a.z", "/|%2F"})
    void percentEncodingIsStrictRfc3986(String raw, String encoded) {
        assertEquals(encoded, RpcSignature.percentEncode(raw));
    }

    @Test
    void matchesComparesExactly() {
        assertTrue(RpcSignature.matches("abc=", "abc="));
        assertFalse(RpcSignature.matches("abc=", "abd="));
        assertFalse(RpcSignature.matches("abc=", "abc"));
    }
}
