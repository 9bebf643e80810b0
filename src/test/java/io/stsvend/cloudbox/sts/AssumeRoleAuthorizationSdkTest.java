package io.stsvend.cloudbox.sts;

import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_SECRET;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCOUNT_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.LONG_ROLE_ARN;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import io.stsvend.cloudbox.SessionClaims;
import io.vertx.core.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/**
 * Who may call AssumeRole (spec §1.2 "Semantics"): the RAM user, and a role session only where its effective policy
 * allows {@code sts:AssumeRole} on the requested role — never with what a session policy of the vending service
 * grants — and then for at most an hour (role chaining). Driven through the real {@code aliyun-java-sdk-sts}.
 */
class AssumeRoleAuthorizationSdkTest {

    private static final String OSS_ONLY_POLICY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/u123/*\"]}]}";

    @RegisterExtension
    final StsEmulatorFixture sts = new StsEmulatorFixture();
    private final List<String> permissionChecks = new ArrayList<>();

    @Test
    void vendedCredentialsCannotAssumeTheRoleThatIssuedThem() throws Exception {
        AssumeRoleResponse.Credentials vended = vend(Optional.of(OSS_ONLY_POLICY));

        ClientException e = assertThrows(ClientException.class,
                () -> temporaryClient(vended).getAcsResponse(SdkClients.assumeRole(sts, ROLE_ARN, "escalate")));

        assertEquals("NoPermission", e.getErrCode());
        assertEquals("You are not authorized to do this action. You should be authorized by RAM.", e.getErrMsg());
        assertEquals(1, sts.emulator.issuedCredentials());
    }

    @Test
    void noPermissionIs403WithTheDocumentedBody() throws Exception {
        AssumeRoleResponse.Credentials vended = vend(Optional.empty());
        Map<String, String> params = RawStsClient.callerIdentity(sts.clock.instant());
        params.put("Action", "AssumeRole");
        params.put("AccessKeyId", vended.getAccessKeyId());
        params.put("SecurityToken", vended.getSecurityToken());
        params.put("RoleArn", ROLE_ARN);
        params.put("RoleSessionName", "escalate");

        HttpResponse<String> response = new RawStsClient(sts.port)
                .post(RawStsClient.signed("POST", params, vended.getAccessKeySecret()));

        assertEquals(403, response.statusCode());
        JsonObject body = RawStsClient.json(response);
        assertEquals("NoPermission", body.getString("Code"));
        assertTrue(body.getString("RequestId").matches("[0-9A-F-]{36}"));
        assertFalse(response.body().contains(vended.getAccessKeySecret()));
    }

    @Test
    void anUnauthorizedCallerCannotTellWhichRolesExist() throws Exception {
        IAcsClient client = temporaryClient(vend(Optional.empty()));

        ClientException e = assertThrows(ClientException.class, () -> client.getAcsResponse(
                SdkClients.assumeRole(sts, "acs:ram::" + ACCOUNT_ID + ":role/nobody", "probe")));

        assertEquals("NoPermission", e.getErrCode());
    }

    @Test
    void thePermissionIsAskedForTheCallerSessionAndTheRequestedRole() throws Exception {
        AssumeRoleResponse.Credentials vended = vend(Optional.of(OSS_ONLY_POLICY));
        sts.permission = (session, roleArn) -> {
            permissionChecks.add(session.accessKeyId() + " " + session.policy().orElse("") + " " + roleArn);
            return false;
        };

        IAcsClient client = temporaryClient(vended);
        assertThrows(ClientException.class,
                () -> client.getAcsResponse(SdkClients.assumeRole(sts, LONG_ROLE_ARN, "chain")));
        // RAM role names are case-insensitive: the permission is asked for the role's own ARN.
        assertThrows(ClientException.class, () -> client.getAcsResponse(
                SdkClients.assumeRole(sts, "acs:ram::" + ACCOUNT_ID + ":role/LONG-Sessions", "chain")));

        assertEquals(List.of(vended.getAccessKeyId() + " " + OSS_ONLY_POLICY + " " + LONG_ROLE_ARN,
                vended.getAccessKeyId() + " " + OSS_ONLY_POLICY + " " + LONG_ROLE_ARN), permissionChecks);
    }

    @Test
    void aPermittedRoleSessionMayChainForAtMostAnHour() throws Exception {
        AssumeRoleResponse.Credentials vended = vend(Optional.empty());
        sts.permission = (session, roleArn) -> roleArn.equals(LONG_ROLE_ARN);
        IAcsClient client = temporaryClient(vended);
        AssumeRoleRequest oneHour = SdkClients.assumeRole(sts, LONG_ROLE_ARN, "chain");
        oneHour.setDurationSeconds(3600L);
        AssumeRoleRequest longer = SdkClients.assumeRole(sts, LONG_ROLE_ARN, "chain");
        longer.setDurationSeconds(3601L);

        SessionClaims chained = sts.codec.verify(client.getAcsResponse(oneHour).getCredentials().getSecurityToken());
        ClientException tooLong = assertThrows(ClientException.class, () -> client.getAcsResponse(longer));
        ClientException otherRole = assertThrows(ClientException.class,
                () -> client.getAcsResponse(SdkClients.assumeRole(sts, ROLE_ARN, "chain")));

        assertEquals(LONG_ROLE_ARN, chained.roleArn());
        assertEquals(sts.clock.instant().plusSeconds(3600), chained.expiration());
        assertEquals("InvalidParameter.DurationSeconds", tooLong.getErrCode());
        assertEquals("NoPermission", otherRole.getErrCode());
    }

    @Test
    void theRamUserStillMayUseTheRoleMaximum() throws Exception {
        AssumeRoleRequest request = SdkClients.assumeRole(sts, LONG_ROLE_ARN, "direct");
        request.setDurationSeconds((long) StsEmulatorFixture.LONG_ROLE_MAX);

        AssumeRoleResponse response = SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET).getAcsResponse(request);

        assertTrue(response.getCredentials().getAccessKeyId().startsWith("STS."));
    }

    private AssumeRoleResponse.Credentials vend(Optional<String> policy) throws ClientException {
        AssumeRoleRequest request = SdkClients.assumeRole(sts, ROLE_ARN, "u123");
        policy.ifPresent(request::setPolicy);
        return SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET).getAcsResponse(request).getCredentials();
    }

    private static IAcsClient temporaryClient(AssumeRoleResponse.Credentials credentials) {
        return SdkClients.temporary(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
                credentials.getSecurityToken());
    }
}
