package io.stsvend.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.error.CodedException;
import io.stsvend.error.ErrorCode;
import io.stsvend.testing.RrsaStsEmulator;
import io.stsvend.testing.TestStsConfig;
import io.stsvend.testing.TestStsConfig.TestRrsa;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway, configured for RRSA, issuing a user's credentials through the STS emulator. */
class RrsaGatewayTest {

    private static final String POLICY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:app-bucket/users/u1/*\"]}]}";

    @TempDir
    Path dir;
    private RrsaStsEmulator sts;
    private Path tokenFile;
    private AliyunStsGateway gateway;

    @BeforeEach
    void start() {
        sts = new RrsaStsEmulator();
        tokenFile = dir.resolve("token");
        gateway = new AliyunStsGateway(TestStsConfig.withRrsa(RrsaStsEmulator.USER_ROLE_ARN, sts.httpEndpoint(),
                TestRrsa.against(sts, tokenFile)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        sts.close();
    }

    private TemporaryCredentials assumeRoleForUser() {
        return gateway.assumeRole(new AssumeRoleCommand(RrsaStsEmulator.USER_ROLE_ARN,
                RoleSessionName.fromSubject("u1"), POLICY, Duration.ofHours(1))).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void userAssumeRoleIsSignedWithTheRrsaCredentials() {
        sts.writeValidToken(tokenFile);

        TemporaryCredentials issued = assumeRoleForUser();

        assertTrue(issued.accessKeyId().startsWith("STS."));
        assertEquals(RrsaStsEmulator.USER_ROLE_ARN, sts.session(issued.securityToken()).roleArn());
        assertEquals(1, sts.assumeRoleWithOidcCalls());
        assertEquals(1, sts.issuedCredentials());
        // A second user reuses the server's credentials.
        assumeRoleForUser();
        assertEquals(1, sts.assumeRoleWithOidcCalls());
    }

    @Test
    void wrongAudienceTokenIsAMisconfiguration() {
        RrsaStsEmulator.write(tokenFile, sts.issuer.sign(sts.issuer.claims(sts.clock.instant()).put("aud", "kube")));

        CodedException failure = assertThrows(CodedException.class, this::assumeRoleForUser);

        assertEquals(ErrorCode.STS_MISCONFIGURED, failure.errorCode());
        assertEquals(0, sts.assumeRoleCalls());
    }
}
