package io.stsvend.e2e;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.restassured.path.json.JsonPath;

import java.time.Clock;
import java.time.Instant;

import static io.restassured.RestAssured.given;

/**
 * Credentials exactly as an app receives them from {@code GET /credentials}, and real {@code aliyun-sdk-oss}
 * clients built from them the way an app would: endpoint and region taken from the response, nothing else.
 */
record Vended(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration, String region,
              String endpoint) {

    /** Calls {@code GET /credentials} with the JWT and expects a 200. */
    static Vended forJwt(String jwt) {
        JsonPath body = given().auth().oauth2(jwt).when().get("/credentials").then().statusCode(200)
                .extract().jsonPath();
        return new Vended(body.getString("accessKeyId"), body.getString("accessKeySecret"),
                body.getString("securityToken"), Instant.parse(body.getString("expiration")), body.getString("region"),
                body.getString("endpoint"));
    }

    /** These credentials with another token (or a tampered one); key id and secret unchanged. */
    Vended withToken(String token) {
        return new Vended(accessKeyId, accessKeySecret, token, expiration, region, endpoint);
    }

    /** These credentials with another secret, so every signature the SDK computes is wrong. */
    Vended withSecret(String secret) {
        return new Vended(accessKeyId, secret, securityToken, expiration, region, endpoint);
    }

    /** A client that signs with the real time. Retries are off so each test sees the first answer. */
    OSS client(SignVersion version) {
        return OSSClientBuilder.create().endpoint(endpoint)
                .credentialsProvider(new DefaultCredentialProvider(accessKeyId, accessKeySecret, securityToken))
                .region(region).clientConfiguration(configuration(version)).build();
    }

    /**
     * A client whose signing time follows {@code clock} (the SDK's own tick offset), as a device whose clock agrees
     * with a server that has moved on: lets a test reach the token checks after moving the emulator's clock instead
     * of stopping at RequestTimeTooSkewed.
     */
    OSS client(SignVersion version, Clock clock) {
        ClientBuilderConfiguration conf = configuration(version);
        conf.setTickOffset(clock.millis());
        return OSSClientBuilder.create().endpoint(endpoint)
                .credentialsProvider(new DefaultCredentialProvider(accessKeyId, accessKeySecret, securityToken))
                .region(region).clientConfiguration(conf).build();
    }

    private static ClientBuilderConfiguration configuration(SignVersion version) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        conf.setMaxErrorRetry(0);
        return conf;
    }

    @Override
    public String toString() {
        return "Vended[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
