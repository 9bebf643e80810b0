package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner behind {@link CredentialHandlingTest} does catch what it promises (each case plants one
 * thing in an otherwise clean configuration) and stays quiet on realistic configuration.
 * The planted values are made up for this test and are not real keys.
 */
class CredentialScannerTest {

    static final String CLEAN = """
            stsvend:
              region: cn-hangzhou
              oss:
                endpoint: https://oss-cn-hangzhou.aliyuncs.com
              sts:
                role-arn: acs:ram::1234567890123456:role/stsvend-mobile
                duration: 3600s
              grants:
                rules:
                - name: public-assets
                  bucket: example-app-assets
                  prefix: public/
                  access: [read, list]
            mp:
              jwt:
                verify:
                  publickey:
                    location: https://login.example.com/.well-known/jwks.json
                  issuer: https://login.example.com
            """;

    @Test
    void realisticConfigurationIsClean() {
        assertEquals(List.of(), CredentialScanner.findings(configMap(Map.of("application.yaml", CLEAN))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Literals are split so that repository secret scans do not mistake these test inputs for keys.
        "  comment: LTAI" + "5tFakeFakeFake1234567\n",                 // AccessKey id, even in free text
        "  last-token: STS.NUfakefakefakefakefake12\n",                 // temporary AccessKey id
        "  aws: AKIAFAKEFAKEFAKEFAKE\n",                                // AWS access key id
        "  pem: \"-----BEGIN RSA PRIVATE KEY-----\"\n",                 // PEM private key
        "  note: q8Hf2kLm9XzR4tWb" + "7NcV3pYs6JdQ1a\n",               // 30 random chars: an AccessKey secret's shape
        "  access-key-secret: anything\n",                              // named like a credential
        "  password: hunter2\n",                                        // named like a credential
    })
    void flagsPlantedCredentialInEmbeddedYaml(String planted) {
        String yaml = CLEAN.replace("  region: cn-hangzhou\n", "  region: cn-hangzhou\n" + planted);
        assertFalse(CredentialScanner.findings(configMap(Map.of("application.yaml", yaml))).isEmpty(), planted);
    }

    @Test
    void flagsADataEntryNamedLikeACredential() {
        var findings = CredentialScanner.findings(configMap(Map.of("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "x")));
        assertEquals(1, findings.size(), findings.toString());
    }

    @Test
    void neverRepeatsTheSuspiciousValue() {
        String planted = "LTAI" + "5tFakeFakeFake1234567";
        var findings = CredentialScanner.findings(configMap(Map.of("application.yaml", "k: " + planted)));
        assertFalse(findings.isEmpty());
        assertTrue(findings.stream().noneMatch(f -> f.contains(planted)), findings.toString());
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("test").endMetadata().withData(data).build();
    }
}
