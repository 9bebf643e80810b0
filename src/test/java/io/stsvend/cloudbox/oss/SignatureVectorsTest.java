package io.stsvend.cloudbox.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The official worked examples of the OSS signature documentation (spec §4.2–§4.5) against our signature code. */
class SignatureVectorsTest {

    private static final String V1_SECRET = "OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV";

    @Test
    void v1HeaderExampleFromDocumentation() {
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Content-MD5", "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM="),
                Map.entry("Content-Type", "text/html"),
                Map.entry("X-OSS-Meta-Author", "foo@bar.com"),
                Map.entry("X-OSS-Magic", "abracadabra"),
                Map.entry("Host", "oss-example.oss-cn-hangzhou.aliyuncs.com"));
        String stringToSign = V1Signature.stringToSign("PUT", headers, "Thu, 17 Nov 2005 18:49:58 GMT",
                V1Signature.canonicalResource("oss-example", "nelson", Map.of()));

        assertEquals("PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\n"
                + "x-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson", stringToSign);
        assertEquals("26NBxoKdsyly4EDv6inkoDft/yA=", V1Signature.sign(V1_SECRET, stringToSign));
    }

    @Test
    void v1PresignedExampleFromDocumentation() {
        String stringToSign = V1Signature.stringToSign("GET", List.of(), "1141889120",
                V1Signature.canonicalResource("oss-example", "oss-api.pdf", Map.of()));

        assertEquals("EwaNTn1erJGkimiJ9WmXgwnANLc=", V1Signature.sign(V1_SECRET, stringToSign));
    }

    @Test
    void v1CanonicalResourceSignsOnlyTheSdkSubResourcesWithRawValues() {
        // Any order: the canonical resource sorts the sub-resources.
        Map<String, String> query = Map.of("uploadId", "0EE3C8D0", "partNumber", "2", "prefix", "users/",
                "security-token", "a+b/c==", "Signature", "x");

        assertEquals("/app-bucket/a b+c~d*.txt?partNumber=2&security-token=a+b/c==&uploadId=0EE3C8D0",
                V1Signature.canonicalResource("app-bucket", "a b+c~d*.txt", query));
        assertEquals(92, V1Signature.SIGNED_SUBRESOURCES.size());
    }

    @Test
    void v4HeaderExampleFromDocumentation() {
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw"),
                Map.entry("Content-Type", "text/html"),
                Map.entry("x-oss-meta-author", "alice"),
                Map.entry("x-oss-meta-magic", "abracadabra"),
                Map.entry("x-oss-date", "20231203T121212Z"),
                Map.entry("x-oss-content-sha256", "UNSIGNED-PAYLOAD"),
                Map.entry("Host", "examplebucket.oss-cn-hangzhou.aliyuncs.com"));

        assertEquals("4b663e424d2db9967401ff6ce1c86f8c83cabd77d9908475239d9110642c63fa",
                documentedV4Signature(Map.of(), headers));
    }

    @Test
    void v4PresignedExampleFromDocumentation() {
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("x-oss-meta-author", "alice"),
                Map.entry("x-oss-meta-magic", "abracadabra"),
                Map.entry("Host", "examplebucket.oss-cn-hangzhou.aliyuncs.com"));
        Map<String, String> query = Map.of("x-oss-signature-version", "OSS4-HMAC-SHA256",
                "x-oss-date", "20231203T121212Z", "x-oss-expires", "86400",
                "x-oss-credential", "accesskeyid/20231203/cn-hangzhou/oss/aliyun_v4_request",
                "x-oss-additional-headers", "host");

        assertEquals("2c6c9f10d8950fb150290ef6f42570e33cd45d6a57ec7887de75fa2ec45b4c72",
                documentedV4Signature(query, headers));
    }

    @Test
    void v4CanonicalRequestEncodesKeyAndQueryAsTheSdkDoes() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "users/u 1/");
        query.put("uploads", "");
        String canonical = V4Signature.canonicalRequest("GET", "app-bucket", "a b+c~d*.txt", query,
                List.of(Map.entry("x-oss-date", " 20261130T013336Z ")), new TreeSet<>());

        assertEquals("GET\n/app-bucket/a%20b%2Bc~d%2A.txt\nprefix=users%2Fu%201%2F&uploads\n"
                + "x-oss-date:20261130T013336Z\n\n\nUNSIGNED-PAYLOAD", canonical);
    }

    @Test
    void crc64MatchesTheCrc64XzCheckValue() {
        assertEquals(0x995DC9BBDF1939FAL, Crc64.of("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(0L, Crc64.of(new byte[0]));
    }

    /**
     * The V4 signature of the documentation's examples: PUT examplebucket/exampleobject on 2023-12-03 12:12:12 UTC
     * in cn-hangzhou, host signed as an additional header, secret {@code accesskeysecret}.
     */
    private static String documentedV4Signature(Map<String, String> query, List<Map.Entry<String, String>> headers) {
        String canonical = V4Signature.canonicalRequest("PUT", "examplebucket", "exampleobject", query, headers,
                new TreeSet<>(Set.of("host")));
        String stringToSign = V4Signature.stringToSign("20231203T121212Z",
                V4Signature.scope("20231203", "cn-hangzhou"), canonical);
        return V4Signature.sign("accesskeysecret", "20231203", "cn-hangzhou", stringToSign);
    }
}
