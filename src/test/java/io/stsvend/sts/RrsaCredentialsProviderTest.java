package io.stsvend.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;

import io.stsvend.testing.StoppedClock;
import io.stsvend.testing.Parallel;
import io.stsvend.testing.RrsaStsEmulator;
import io.stsvend.testing.TestStsConfig;
import io.stsvend.testing.TestStsConfig.TestRrsa;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's RRSA credentials against the STS emulator over TLS: caching, refresh, token file re-reading. The
 * provider's clock starts where the emulator's does, so STS's Expiration is exactly one hour ahead of it.
 */
class RrsaCredentialsProviderTest {

    @TempDir
    Path dir;
    private RrsaStsEmulator sts;
    private Path tokenFile;
    private StoppedClock clock;

    @BeforeEach
    void start() {
        sts = new RrsaStsEmulator();
        clock = new StoppedClock(sts.clock.instant());
        tokenFile = dir.resolve("token");
        sts.writeValidToken(tokenFile);
    }

    @AfterEach
    void stop() {
        sts.close();
    }

    private AlibabaCloudCredentialsProvider provider(TestRrsa rrsa) {
        return ServerCredentials.provider(TestStsConfig.withRrsa(RrsaStsEmulator.USER_ROLE_ARN, sts.httpEndpoint(),
                rrsa), clock);
    }

    private AlibabaCloudCredentialsProvider provider() {
        return provider(TestRrsa.against(sts, tokenFile));
    }

    @Test
    void exchangesTheTokenForSessionCredentialsOfThePodsRole() throws Exception {
        BasicSessionCredentials credentials = (BasicSessionCredentials) provider().getCredentials();

        assertTrue(credentials.getAccessKeyId().startsWith("STS."));
        assertEquals(sts.secretFor(credentials.getAccessKeyId()), credentials.getAccessKeySecret());
        assertEquals(RrsaStsEmulator.POD_ROLE_ARN, sts.session(credentials.getSessionToken()).roleArn());
        assertEquals("stsvend-pod", sts.session(credentials.getSessionToken()).roleSessionName());
    }

    @Test
    void servesTheSameCredentialsUntilFiveMinutesBeforeExpiry() throws Exception {
        AlibabaCloudCredentialsProvider provider = provider();
        AlibabaCloudCredentials first = provider.getCredentials();

        clock.advance(Duration.ofMinutes(55).minusSeconds(1));
        assertSame(first, provider.getCredentials());
        assertEquals(1, sts.assumeRoleWithOidcCalls());

        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first.getAccessKeyId(), provider.getCredentials().getAccessKeyId());
        assertEquals(2, sts.assumeRoleWithOidcCalls());
    }

    @Test
    void rereadsTheTokenFileOnEveryRefresh() throws Exception {
        AlibabaCloudCredentialsProvider provider = provider();
        AlibabaCloudCredentials first = provider.getCredentials();
        RrsaStsEmulator.write(tokenFile, sts.issuer.sign(sts.issuer.claims(sts.clock.instant()).put("aud", "other")));

        // Due for refresh: the rewritten (bad) token is read and refused, and the still valid credentials stay in use.
        clock.advance(Duration.ofMinutes(56));
        assertSame(first, provider.getCredentials());
        // Expired: nothing left to serve, so the refusal surfaces.
        clock.advance(Duration.ofMinutes(4));
        ClientException refused = assertThrows(ClientException.class, provider::getCredentials);
        assertEquals("AuthenticationFail.OIDCToken.AudienceNotMatch", refused.getErrCode());
        // The kubelet rotates the token: the next refresh uses the new one.
        sts.writeValidToken(tokenFile);
        assertNotEquals(first.getAccessKeyId(), provider.getCredentials().getAccessKeyId());
        assertEquals(4, sts.assumeRoleWithOidcCalls());
    }

    @Test
    void expiredOidcTokenIsRefused() {
        RrsaStsEmulator.write(tokenFile, sts.issuer.token(sts.clock.instant().minus(Duration.ofHours(2))));

        ClientException refused = assertThrows(ClientException.class, () -> provider().getCredentials());

        assertEquals("AuthenticationFail.OIDCToken.Expired", refused.getErrCode());
    }

    @Test
    void missingTokenFileIsAnOperatorError() {
        TestRrsa rrsa = TestRrsa.against(sts, dir.resolve("absent"));

        ClientException refused = assertThrows(ClientException.class, () -> provider(rrsa).getCredentials());

        assertEquals(ServerCredentials.TOKEN_FILE_UNREADABLE, refused.getErrCode());
        assertEquals(0, sts.assumeRoleWithOidcCalls());
    }

    @Test
    void theEmulatorsCertificateIsNotTrustedUnlessConfigured() {
        TestRrsa rrsa = TestRrsa.against(sts, tokenFile).withTrustCertificate(Optional.empty());

        assertThrows(ClientException.class, () -> provider(rrsa).getCredentials());
        assertEquals(0, sts.assumeRoleWithOidcCalls());
    }

    @Test
    void concurrentCallersShareOneExchange() throws Exception {
        AlibabaCloudCredentialsProvider provider = provider();
        List<String> keys = Parallel.run(8, i -> provider::getCredentials).stream()
                .map(AlibabaCloudCredentials::getAccessKeyId).distinct().toList();

        assertEquals(1, keys.size());
        assertEquals(1, sts.assumeRoleWithOidcCalls());
    }
}
