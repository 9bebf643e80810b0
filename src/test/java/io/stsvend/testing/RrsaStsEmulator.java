package io.stsvend.testing;

import io.stsvend.cloudbox.SessionClaims;
import io.stsvend.cloudbox.SessionTokenCodec;
import io.stsvend.cloudbox.sts.OidcProvider;
import io.stsvend.cloudbox.sts.StsEmulator;
import io.stsvend.cloudbox.sts.StsEmulatorSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An STS emulator set up like an ACK cluster with RRSA: the cluster's OIDC issuer ({@link TestOidcIssuer}) is a
 * registered provider, the pod's role ({@link #POD_ROLE_ARN}) and the users' role ({@link #USER_ROLE_ARN}) exist.
 * Plain HTTP for AssumeRole, TLS with the {@link TestTls} certificate for AssumeRoleWithOIDC, both on free ports.
 * Sessions of the pod's role may assume the users' role (role chaining, at most an hour); nothing else may.
 * The emulator clock starts at the current second and stands still until moved (the SDK stamps requests with real
 * time, which stays within the 15-minute tolerance).
 */
public final class RrsaStsEmulator implements AutoCloseable {

    public static final String ACCOUNT_ID = "1234567890123456";
    public static final String POD_ROLE_ARN = "acs:ram::" + ACCOUNT_ID + ":role/stsvend-pod";
    public static final String USER_ROLE_ARN = "acs:ram::" + ACCOUNT_ID + ":role/stsvend-app";
    public static final String PROVIDER_ARN = "acs:ram::" + ACCOUNT_ID + ":oidc-provider/ack-rrsa-c0test";

    public final TestOidcIssuer issuer = new TestOidcIssuer();
    public final StoppedClock clock = StoppedClock.now();
    private final SessionTokenCodec codec = SessionTokenCodec.withRandomKey();
    private final StsEmulator emulator;
    public final int httpPort;
    public final int tlsPort;
    private final Vertx vertx = Vertx.vertx();

    public RrsaStsEmulator() {
        StsEmulatorSettings settings = new StsEmulatorSettings(ACCOUNT_ID,
                new StsEmulatorSettings.RamUser("unused", "200000000000000001", "EMULATORUNUSEDKEY", "unused-secret"),
                List.of(new StsEmulatorSettings.Role("stsvend-pod", "300000000000000010", 3600),
                        new StsEmulatorSettings.Role("stsvend-app", "300000000000000011", 3600)),
                policy -> policy.contains("\"Version\":\"1\""));
        OidcProvider provider = new OidcProvider("ack-rrsa-c0test", TestOidcIssuer.ISSUER, issuer.publicKey(),
                Set.of(OidcProvider.STS_AUDIENCE));
        // The pod role's policy allows sts:AssumeRole on the users' role, as an RRSA deployment must grant it.
        emulator = new StsEmulator(settings, List.of(provider), codec, clock,
                (session, roleArn) -> session.roleArn().equals(POD_ROLE_ARN) && roleArn.equals(USER_ROLE_ARN));
        httpPort = await(emulator.listen(vertx, "127.0.0.1", 0));
        tlsPort = await(emulator.listenTls(vertx, "127.0.0.1", 0, TestTls.keyCertOptions()));
    }

    /** AssumeRole endpoint (plain HTTP), host:port. */
    public String httpEndpoint() {
        return "127.0.0.1:" + httpPort;
    }

    /** AssumeRoleWithOIDC endpoint (TLS), host:port; the certificate names localhost. */
    public String tlsEndpoint() {
        return TestTls.HOST + ":" + tlsPort;
    }

    public long assumeRoleCalls() {
        return emulator.assumeRoleCalls();
    }

    public long assumeRoleWithOidcCalls() {
        return emulator.assumeRoleWithOidcCalls();
    }

    public long issuedCredentials() {
        return emulator.issuedCredentials();
    }

    /** The secret the emulator derived for a temporary AccessKeyId it issued. */
    public String secretFor(String accessKeyId) {
        return codec.secretFor(accessKeyId);
    }

    /** What a SecurityToken this emulator minted binds. */
    public SessionClaims session(String securityToken) {
        return codec.verify(securityToken);
    }

    /** Writes a token for now into {@code file}, as the kubelet does when it rotates the projected token. */
    public void writeValidToken(Path file) {
        write(file, issuer.token(clock.instant()));
    }

    public static void write(Path file, String token) {
        try {
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        await(emulator.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
