package io.stsvend.cloudbox.sts;

import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_SECRET;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCOUNT_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.LONG_ROLE_ARN;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.LONG_ROLE_MAX;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ARN;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import io.stsvend.cloudbox.SessionClaims;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AssumeRole semantics (spec §1.2, §1.4, §1.6), driven through the real {@code aliyun-java-sdk-sts} client. */
class AssumeRoleSdkTest {

    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @RegisterExtension
    final StsEmulatorFixture sts = new StsEmulatorFixture();
    private final IAcsClient client = SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET);

    @Test
    void issuesCredentialsInTheDocumentedShape() throws Exception {
        String policy = TestPolicies.ofLength(300);
        AssumeRoleRequest request = SdkClients.assumeRole(sts, ROLE_ARN, "u123");
        request.setDurationSeconds(1800L);
        request.setPolicy(policy);

        AssumeRoleResponse response = client.getAcsResponse(request);

        assertTrue(response.getRequestId().matches("[0-9A-F-]{36}"));
        assertEquals("acs:ram::" + ACCOUNT_ID + ":role/app-uploader/u123", response.getAssumedRoleUser().getArn());
        assertEquals(ROLE_ID + ":u123", response.getAssumedRoleUser().getAssumedRoleId());
        AssumeRoleResponse.Credentials credentials = response.getCredentials();
        assertTrue(credentials.getAccessKeyId().startsWith("STS."));
        assertEquals(sts.codec.secretFor(credentials.getAccessKeyId()), credentials.getAccessKeySecret());
        assertEquals(EXPIRATION.format(sts.clock.instant().plusSeconds(1800)), credentials.getExpiration());
        assertTrue(credentials.getExpiration().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        SessionClaims claims = sts.codec.verify(credentials.getSecurityToken());
        assertEquals(credentials.getAccessKeyId(), claims.accessKeyId());
        assertEquals(ROLE_ARN, claims.roleArn());
        assertEquals("u123", claims.roleSessionName());
        assertEquals(Optional.of(policy), claims.policy());
        assertEquals(1, sts.emulator.issuedCredentials());
    }

    @Test
    void durationDefaultsToOneHourAndPolicyIsOptional() throws Exception {
        AssumeRoleResponse response = client.getAcsResponse(SdkClients.assumeRole(sts, ROLE_ARN, "u123"));

        assertEquals(EXPIRATION.format(sts.clock.instant().plusSeconds(3600)),
                response.getCredentials().getExpiration());
        assertEquals(Optional.empty(), sts.codec.verify(response.getCredentials().getSecurityToken()).policy());
    }

    static Stream<Arguments> acceptedBoundaries() {
        return Stream.<Arguments>of(
                Arguments.of("session name of 2 chars", (Consumer<AssumeRoleRequest>) r -> r.setRoleSessionName("ab")),
                Arguments.of("session name of 64 chars",
                        (Consumer<AssumeRoleRequest>) r -> r.setRoleSessionName("a".repeat(64))),
                Arguments.of("session name with . @ - _",
                        (Consumer<AssumeRoleRequest>) r -> r.setRoleSessionName("u.1@x-y_z")),
                Arguments.of("duration 900", (Consumer<AssumeRoleRequest>) r -> r.setDurationSeconds(900L)),
                Arguments.of("duration at role max", (Consumer<AssumeRoleRequest>) r -> r.setDurationSeconds(3600L)),
                Arguments.of("duration at a longer role's max", (Consumer<AssumeRoleRequest>) r -> {
                    r.setRoleArn(LONG_ROLE_ARN);
                    r.setDurationSeconds((long) LONG_ROLE_MAX);
                }),
                Arguments.of("external id", (Consumer<AssumeRoleRequest>) r -> r.setExternalId("abc-123:x/y")),
                Arguments.of("policy of 2048 chars",
                        (Consumer<AssumeRoleRequest>) r -> r.setPolicy(TestPolicies.ofLength(2048))),
                Arguments.of("role name in other case",
                        (Consumer<AssumeRoleRequest>) r -> r.setRoleArn("acs:ram::" + ACCOUNT_ID + ":role/App-Uploader")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedBoundaries")
    void acceptsValuesAtTheBoundaries(String name, Consumer<AssumeRoleRequest> change) throws Exception {
        AssumeRoleRequest request = SdkClients.assumeRole(sts, ROLE_ARN, "u123");
        change.accept(request);

        assertTrue(client.getAcsResponse(request).getCredentials().getAccessKeyId().startsWith("STS."));
    }

    static Stream<Arguments> rejectedRequests() {
        return Stream.<Arguments>of(
                rejected("session name of 1 char", r -> r.setRoleSessionName("x"), "InvalidParameter.RoleSessionName"),
                rejected("session name of 65 chars", r -> r.setRoleSessionName("a".repeat(65)),
                        "InvalidParameter.RoleSessionName"),
                rejected("session name with *", r -> r.setRoleSessionName("a*b"), "InvalidParameter.RoleSessionName"),
                rejected("session name with space", r -> r.setRoleSessionName("a b"),
                        "InvalidParameter.RoleSessionName"),
                rejected("duration 899", r -> r.setDurationSeconds(899L), "InvalidParameter.DurationSeconds"),
                rejected("duration role max + 1", r -> r.setDurationSeconds(3601L), "InvalidParameter.DurationSeconds"),
                rejected("duration longer role max + 1", r -> {
                    r.setRoleArn(LONG_ROLE_ARN);
                    r.setDurationSeconds(LONG_ROLE_MAX + 1L);
                }, "InvalidParameter.DurationSeconds"),
                rejected("policy of 2049 chars", r -> r.setPolicy(TestPolicies.ofLength(2049)),
                        "InvalidParameter.PolicySize"),
                rejected("policy failing grammar", r -> r.setPolicy("{\"Version\":\"2\",\"Statement\":[]}"),
                        "InvalidParameter.PolicyGrammar"),
                rejected("policy not JSON", r -> r.setPolicy("allow everything"), "InvalidParameter.PolicyGrammar"),
                rejected("external id of 1 char", r -> r.setExternalId("x"), "InvalidParameter.ExternalId"),
                rejected("unknown role", r -> r.setRoleArn("acs:ram::" + ACCOUNT_ID + ":role/nobody"),
                        "EntityNotExist.Role"),
                rejected("role in another account", r -> r.setRoleArn("acs:ram::999:role/app-uploader"),
                        "EntityNotExist.Role"),
                rejected("AWS-style ARN", r -> r.setRoleArn("arn:aws:iam::123:role/app-uploader"),
                        "InvalidParameter.RoleArn"),
                rejected("non-numeric account", r -> r.setRoleArn("acs:ram::abc:role/app-uploader"),
                        "InvalidParameter.RoleArn"),
                rejected("user instead of role", r -> r.setRoleArn("acs:ram::" + ACCOUNT_ID + ":user/app-uploader"),
                        "InvalidParameter.RoleArn"),
                rejected("wildcard role name", r -> r.setRoleArn("acs:ram::" + ACCOUNT_ID + ":role/*"),
                        "InvalidParameter.RoleArn"));
    }

    private static Arguments rejected(String name, Consumer<AssumeRoleRequest> change, String code) {
        return Arguments.of(name, change, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRequests")
    void rejectsInvalidParameters(String name, Consumer<AssumeRoleRequest> change, String code) {
        AssumeRoleRequest request = SdkClients.assumeRole(sts, ROLE_ARN, "u123");
        change.accept(request);

        ClientException e = assertThrows(ClientException.class, () -> client.getAcsResponse(request));

        assertEquals(code, e.getErrCode());
        assertEquals(0, sts.emulator.issuedCredentials());
        assertEquals(1, sts.emulator.assumeRoleCalls());
    }

    @Test
    void missingRoleSessionNameIsAMissingParameter() {
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setSysEndpoint(sts.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setRoleArn(ROLE_ARN);

        ClientException e = assertThrows(ClientException.class, () -> client.getAcsResponse(request));

        assertEquals("MissingParameter", e.getErrCode());
        assertTrue(e.getErrMsg().contains("\"RoleSessionName\""));
    }
}
