package io.stsvend.sts;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's own STS credentials through RRSA, for signing users' AssumeRole calls: exchanges the projected
 * service-account token for temporary credentials of the pod's role ({@link OidcTokenExchange}) and keeps them.
 *
 * <p>Freshness, on the injected clock: credentials are served until {@link #REFRESH_AHEAD} before their STS
 * {@code Expiration}; the first caller after that refreshes them, re-reading the token file each time (the kubelet
 * rotates it). Refreshes are serialised by a lock, so concurrent callers cause one AssumeRoleWithOIDC call; callers
 * are the SDK's blocking worker threads, never an event loop. If a refresh fails while the current credentials have
 * not yet expired they are still served (and the next caller retries); otherwise the failure is thrown as the SDK's
 * {@link ClientException}, whose STS error code the gateway maps like any AssumeRole failure.
 *
 * <p>Secrets are never logged; the SDK's own {@code OIDCCredentialsProvider} is not used because its endpoint is fixed
 * to {@code *.aliyuncs.com}, its expiry follows the local clock rather than STS's {@code Expiration}, and it is not
 * thread-safe.
 */
final class RrsaCredentialsProvider implements AlibabaCloudCredentialsProvider {

    /** How long before expiry the credentials are replaced. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(RrsaCredentialsProvider.class);

    private final Path tokenFile;
    private final OidcTokenExchange exchange;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Session current;

    RrsaCredentialsProvider(Path tokenFile, OidcTokenExchange exchange, Clock clock) {
        this.tokenFile = tokenFile;
        this.exchange = exchange;
        this.clock = clock;
    }

    @Override
    public AlibabaCloudCredentials getCredentials() throws ClientException {
        Session session = current;
        if (session != null && session.fresh(clock.instant())) {
            return session.credentials();
        }
        refreshing.lock();
        try {
            session = current;
            Instant now = clock.instant();
            if (session != null && session.fresh(now)) {
                return session.credentials();
            }
            return refresh(session, now).credentials();
        } finally {
            refreshing.unlock();
        }
    }

    private Session refresh(Session previous, Instant now) throws ClientException {
        try {
            TemporaryCredentials issued = exchange.exchange(readToken());
            current = new Session(new BasicSessionCredentials(issued.accessKeyId(), issued.accessKeySecret(),
                    issued.securityToken()), issued.expiration());
            LOG.infof("RRSA: obtained server credentials %s until %s (STS request %s)", issued.accessKeyId(),
                    issued.expiration(), issued.requestId());
            return current;
        } catch (ClientException e) {
            if (previous != null && now.isBefore(previous.expiration())) {
                LOG.warnf("RRSA: refresh failed (STS code=%s requestId=%s); current credentials stay in use until %s",
                        e.getErrCode(), e.getRequestId(), previous.expiration());
                return previous;
            }
            throw e;
        }
    }

    private String readToken() throws ClientException {
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new ClientException(ServerCredentials.TOKEN_FILE_UNREADABLE, "the OIDC token file is empty");
            }
            return token;
        } catch (IOException e) {
            throw new ClientException(ServerCredentials.TOKEN_FILE_UNREADABLE,
                    "cannot read the OIDC token file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One set of server credentials and the instant STS said they expire. */
    private record Session(BasicSessionCredentials credentials, Instant expiration) {

        boolean fresh(Instant now) {
            return now.isBefore(expiration.minus(REFRESH_AHEAD));
        }
    }
}
