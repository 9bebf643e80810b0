package io.stsvend.cloudbox.sts;

import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_ID;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ACCESS_KEY_SECRET;
import static io.stsvend.cloudbox.sts.StsEmulatorFixture.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;

import io.stsvend.cloudbox.sts.StsFaults.InjectedError;

import java.time.Duration;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

/** The emulator's test controls and call counters, as seen by the real SDK client. */
class StsFaultsSdkTest {

    @RegisterExtension
    final StsEmulatorFixture sts = new StsEmulatorFixture();
    private final IAcsClient client = SdkClients.longTerm(ACCESS_KEY_ID, ACCESS_KEY_SECRET);

    @Test
    void delayedResponsesStillArriveAndAreCounted() throws Exception {
        sts.emulator.faults().delayResponses(Duration.ofMillis(100));
        assertNotNull(client.getAcsResponse(assumeRole()).getCredentials());
        assertEquals(1, sts.emulator.faults().delayedResponses());

        sts.emulator.faults().reset();
        client.getAcsResponse(assumeRole());

        assertEquals(1, sts.emulator.faults().delayedResponses());
        assertEquals(2, sts.emulator.issuedCredentials());
    }

    @Test
    void delayLongerThanTheClientsReadTimeoutMakesTheClientGiveUp() {
        sts.emulator.faults().delayResponses(Duration.ofMinutes(1));
        AssumeRoleRequest request = assumeRole();
        request.setSysReadTimeout(300);

        ClientException e = assertThrows(ClientException.class, () -> client.getAcsResponse(request));

        assertFalse(e instanceof ServerException);
        assertEquals(1, sts.emulator.assumeRoleCalls());
        assertEquals(1, sts.emulator.faults().delayedResponses());
    }

    @Test
    void nextCallsFailWithTheInjectedThrottlingCode() throws Exception {
        sts.emulator.faults().failNextAssumeRoleCalls(2, InjectedError.throttling());

        for (int i = 0; i < 2; i++) {
            ClientException e = assertThrows(ClientException.class, () -> client.getAcsResponse(assumeRole()));
            assertEquals("Throttling.User", e.getErrCode());
            assertFalse(e instanceof ServerException);
        }
        assertNotNull(client.getAcsResponse(assumeRole()).getCredentials());

        assertEquals(3, sts.emulator.assumeRoleCalls());
        assertEquals(1, sts.emulator.issuedCredentials());
    }

    @Test
    void serviceUnavailableSurfacesAsServerExceptionForEveryCallUntilReset() throws Exception {
        sts.emulator.faults().failAllCalls(InjectedError.serviceUnavailable());

        assertEquals("ServiceUnavailable",
                assertThrows(ServerException.class, () -> client.getAcsResponse(assumeRole())).getErrCode());
        assertEquals("ServiceUnavailable", assertThrows(ServerException.class,
                () -> client.getAcsResponse(SdkClients.callerIdentity(sts))).getErrCode());

        sts.emulator.faults().reset();
        assertNotNull(client.getAcsResponse(assumeRole()).getCredentials());
        assertEquals(2, sts.emulator.assumeRoleCalls());
    }

    @Test
    void injectedErrorsApplyOnlyToVerifiedRequests() {
        sts.emulator.faults().failAllCalls(InjectedError.serviceUnavailable());
        IAcsClient wrongSecret = SdkClients.longTerm(ACCESS_KEY_ID, "wrong");

        ClientException e = assertThrows(ClientException.class, () -> wrongSecret.getAcsResponse(assumeRole()));

        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
        assertEquals(0, sts.emulator.assumeRoleCalls());
    }

    private AssumeRoleRequest assumeRole() {
        return SdkClients.assumeRole(sts, ROLE_ARN, "u123");
    }
}
