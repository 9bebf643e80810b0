package io.stsvend.conformance;

import io.restassured.RestAssured;
import io.stsvend.testing.TestTokens;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment the STS conformance scripts (src/test/js/sts) read, from the running service of a
 * {@code @QuarkusTest}: {@code SERVICE_URL}, {@code JWT} (a test token for one subject), {@code STS_ENDPOINT} and
 * {@code ROLE_ARN}; a script that needs more gets it added by its driver.
 */
final class StsScriptEnv {

    private StsScriptEnv() {
    }

    /** The common variables, for {@code subject}, plus {@code extra}. */
    static Map<String, String> forSubject(String subject, Map<String, String> extra) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> env = new HashMap<>(extra);
        env.put("SERVICE_URL", RestAssured.baseURI + ":" + RestAssured.port);
        env.put("JWT", TestTokens.forSubject(subject));
        env.put("STS_ENDPOINT", config.getValue("stsvend.sts.endpoint", String.class));
        env.put("ROLE_ARN", config.getValue("stsvend.sts.role-arn", String.class));
        return Map.copyOf(env);
    }

    /** The common variables, for {@code subject}. */
    static Map<String, String> forSubject(String subject) {
        return forSubject(subject, Map.of());
    }
}
