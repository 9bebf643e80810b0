package io.stsvend.cloudbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import io.stsvend.cloudbox.sts.StsFaults.InjectedError;
import io.stsvend.testing.StoppedClock;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The front door: what a box built with given settings does for the real SDKs, and its test controls. */
class CloudBoxTest {

    private static final AccessKey KEY = new AccessKey("LOCALBOXTEST0001", "cloud-box-test-secret");

    @Test
    void aBoxOnFreePortsServesAssumeRoleAndTheTokensWorkOnItsOss() throws Exception {
        try (CloudBox box = CloudBox.builder().buckets(List.of("photos")).role("uploader", Optional.empty())
                .ramUser(KEY).start()) {
            AssumeRoleResponse.Credentials credentials = BoxClients.assumeRole(box.stsEndpoint(), box.ramUser(),
                    box.roleArn());

            assertEquals("hello", BoxClients.putAndGet(box.ossEndpoint().toString(), credentials, "photos",
                    "a/b.txt", "hello"));
            assertEquals(1, box.assumeRoleCalls());
            assertEquals("acs:ram::1234567890123456:role/uploader", box.readSessionToken(
                    credentials.getSecurityToken()).roleArn());
        }
    }

    @Test
    void injectedFaultsReachTheClientAndResetClearsThem() throws Exception {
        try (CloudBox box = CloudBox.builder().ramUser(KEY).start()) {
            box.faults().failAllCalls(InjectedError.throttling());
            ClientException refused = assertThrows(ClientException.class,
                    () -> BoxClients.assumeRole(box.stsEndpoint(), KEY, box.roleArn()));
            assertEquals(InjectedError.throttling().code(), refused.getErrCode());

            box.reset();
            BoxClients.assumeRole(box.stsEndpoint(), KEY, box.roleArn());
            assertEquals(2, box.assumeRoleCalls());
            assertEquals(1, box.issuedCredentials());
        }
    }

    @Test
    void resetKeepsTheBuildersResponseDelay() throws Exception {
        try (CloudBox box = CloudBox.builder().ramUser(KEY).stsResponseDelay(Duration.ofMillis(1)).start()) {
            box.faults().delayResponses(Duration.ZERO);
            box.reset();
            BoxClients.assumeRole(box.stsEndpoint(), KEY, box.roleArn());
            assertEquals(1, box.faults().delayedResponses());
        }
    }

    @Test
    void mintedSessionsFollowTheBoxClockAndAreNotCountedAsCalls() throws Exception {
        StoppedClock clock = StoppedClock.now();
        try (CloudBox box = CloudBox.builder().clock(clock).start()) {
            IssuedSession session = box.mintSession("operator", Optional.empty(), clock.instant().plusSeconds(60));

            SessionClaims claims = box.readSessionToken(session.securityToken());
            assertEquals("operator", claims.roleSessionName());
            assertEquals(false, claims.expiredAt(clock.instant()));
            clock.advance(Duration.ofSeconds(60));
            assertEquals(true, claims.expiredAt(clock.instant()));
            assertEquals(0, box.assumeRoleCalls());
        }
    }

    @Test
    void aTakenPortFailsTheStartAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            CloudBoxBuilder builder = CloudBox.builder().ports(0, taken.getLocalPort());
            assertThrows(RuntimeException.class, builder::start);
        }
    }

    @Test
    void portsOutsideTheRangeAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> CloudBox.builder().ports(70_000, 0));
    }
}
