package io.stsvend.cloudbox.sts;

import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_SECRET;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCOUNT_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ARN;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;

import io.stsvend.cloudbox.IssuedSession;
import io.stsvend.cloudbox.SessionTokenCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request verification (spec §2.3) as the real SDK experiences it, for long-term and temporary callers. */
class RequestAuthenticationSdkTest {

    @RegisterExtension
    final StsEmulatorFixture sts = new StsEmulatorFixture();

    @Test
    void wrongSecretSurfacesAsInvalidAccessKeySecret() {
        assertEquals("SDK.InvalidAccessKeySecret",
                errCode(SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET + "x"), assumeRole()));
        assertEquals(0, sts.emulator.assumeRoleCalls());
    }

    @Test
    void unknownAccessKeyIsNotFound() {
        assertEquals("InvalidAccessKeyId.NotFound",
                errCode(SdkClients.longTerm("EMULATORSOMEONEELSE", ACCESS_KEY_SECRET), assumeRole()));
    }

    @Test
    void ramUserIdentity() throws Exception {
        GetCallerIdentityResponse identity = call(SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET),
                SdkClients.callerIdentity(sts));

        assertEquals(ACCOUNT_ID, identity.getAccountId());
        assertEquals("RAMUser", identity.getIdentityType());
        assertEquals("200000000000000001", identity.getUserId());
        assertEquals("acs:ram::" + ACCOUNT_ID + ":user/vending-service", identity.getArn());
    }

    @Test
    void temporaryCallerWithItsTokenIsAccepted() throws Exception {
        IssuedSession session = mint(sts.clock.instant().plusSeconds(900));
        IAcsClient client = SdkClients.temporary(session.accessKeyId(), session.accessKeySecret(),
                session.securityToken());

        GetCallerIdentityResponse identity = call(client, SdkClients.callerIdentity(sts));

        assertEquals("AssumedRoleUser", identity.getIdentityType());
        assertEquals(ROLE_ID, identity.getRoleId());
        assertEquals(ROLE_ID + ":caller", identity.getPrincipalId());
        assertEquals("acs:ram::" + ACCOUNT_ID + ":assumed-role/app-uploader/caller", identity.getArn());
        // Authenticated, but holding no sts:AssumeRole (AssumeRoleAuthorizationSdkTest covers who may).
        assertEquals("NoPermission", errCode(client, assumeRole()));
        assertEquals(0, sts.emulator.issuedCredentials());
    }

    @Test
    void temporaryKeyWithoutTokenIsRefused() {
        IssuedSession session = mint(sts.clock.instant().plusSeconds(900));

        assertEquals("MissingSecurityToken",
                errCode(SdkClients.longTerm(session.accessKeyId(), session.accessKeySecret()), assumeRole()));
    }

    @Test
    void tokenOfAnotherSessionIsAMismatch() {
        IssuedSession session = mint(sts.clock.instant().plusSeconds(900));
        IssuedSession other = mint(sts.clock.instant().plusSeconds(900));

        assertEquals("InvalidSecurityToken.MismatchWithAccessKey", errCode(
                SdkClients.temporary(session.accessKeyId(), session.accessKeySecret(), other.securityToken()),
                assumeRole()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "e30=.AAAA", "no.dots.here"})
    void unverifiableTokenIsMalformed(String token) {
        IssuedSession session = mint(sts.clock.instant().plusSeconds(900));

        assertEquals("InvalidSecurityToken.Malformed",
                errCode(SdkClients.temporary(session.accessKeyId(), session.accessKeySecret(), token), assumeRole()));
    }

    @Test
    void tokenOfAnotherEmulatorIsMalformed() {
        IssuedSession foreign = SessionTokenCodec.withRandomKey()
                .mint(ROLE_ARN, "caller", Optional.empty(), sts.clock.instant().plusSeconds(900));

        assertEquals("InvalidSecurityToken.Malformed", errCode(SdkClients.temporary(foreign.accessKeyId(),
                foreign.accessKeySecret(), foreign.securityToken()), assumeRole()));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        IssuedSession session = mint(sts.clock.instant().plusSeconds(60));
        IAcsClient client = SdkClients.temporary(session.accessKeyId(), session.accessKeySecret(),
                session.securityToken());
        call(client, SdkClients.callerIdentity(sts));

        sts.clock.advance(Duration.ofSeconds(60));

        assertEquals("InvalidSecurityToken.Expired", errCode(client, SdkClients.callerIdentity(sts)));
    }

    @Test
    void wrongTemporarySecretSurfacesAsInvalidAccessKeySecret() {
        IssuedSession session = mint(sts.clock.instant().plusSeconds(900));

        assertEquals("SDK.InvalidAccessKeySecret", errCode(
                SdkClients.temporary(session.accessKeyId(), "not-the-secret", session.securityToken()), assumeRole()));
    }

    @Test
    void serverClockMoreThanFifteenMinutesAwayRejectsTheTimestamp() throws Exception {
        IAcsClient client = SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
        sts.clock.advance(Duration.ofMinutes(14));
        call(client, SdkClients.callerIdentity(sts));

        sts.clock.advance(Duration.ofMinutes(2));

        assertEquals("InvalidTimeStamp.Expired", errCode(client, SdkClients.callerIdentity(sts)));
    }

    private IssuedSession mint(Instant expiration) {
        return sts.codec.mint(ROLE_ARN, "caller", Optional.empty(), expiration);
    }

    private AssumeRoleRequest assumeRole() {
        return SdkClients.assumeRole(sts, ROLE_ARN, "u123");
    }

    private static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) throws ClientException {
        return client.getAcsResponse(request);
    }

    private static String errCode(IAcsClient client, AcsRequest<?> request) {
        return assertThrows(ClientException.class, () -> call(client, request)).getErrCode();
    }
}
