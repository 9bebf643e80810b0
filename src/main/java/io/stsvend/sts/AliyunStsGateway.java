package io.stsvend.sts;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link StsGateway} over {@code aliyun-java-sdk-sts}. One SDK client (thread-safe, pooled HTTP connections) is built
 * at startup from {@link StsConfig}; each call runs on the Quarkus worker pool because the SDK blocks. At startup, not
 * on the first AssumeRole: built there, on an event loop, the SDK's Apache HTTP client loaded its public-suffix list
 * and classes and stalled that event loop over 100 ms in a fresh process (issue 16). Built on a worker thread, not
 * the main one: the client's constructor (its Apache HTTP client and endpoint resolver) was a tenth of the main
 * thread's work before ready, and nothing else there waits for it. The profile and the credentials, which carry the
 * configuration's mistakes, are still made in the constructor, so a bad configuration still stops the start.
 */
@Startup
@ApplicationScoped
public class AliyunStsGateway implements StsGateway {

    private static final Logger LOG = Logger.getLogger(AliyunStsGateway.class);
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ISO_INSTANT;

    private final StsConfig config;
    private final CompletableFuture<IAcsClient> client;
    private final StsErrorTranslator errors = new StsErrorTranslator();

    @Inject
    public AliyunStsGateway(StsConfig config) {
        this(config, Infrastructure.getDefaultWorkerPool());
    }

    /** @param builder runs the SDK client's construction */
    AliyunStsGateway(StsConfig config, Executor builder) {
        this.config = config;
        DefaultProfile profile = profile(config);
        // The static RAM user key, or RRSA credentials (refreshed with AssumeRoleWithOIDC) when configured.
        AlibabaCloudCredentialsProvider credentials = ServerCredentials.provider(config);
        this.client = CompletableFuture.supplyAsync(() -> new DefaultAcsClient(profile, credentials), builder);
        client.exceptionally(failure -> {
            LOG.error("The STS SDK client could not be built; every AssumeRole will fail", failure);
            return null;
        });
    }

    /** Whether the SDK client is built: readiness waits for it, so no first call waits for it instead. */
    @Override
    public boolean ready() {
        return client.isDone();
    }

    @Override
    public Uni<TemporaryCredentials> assumeRole(AssumeRoleCommand command) {
        return Uni.createFrom().item(() -> call(command)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private TemporaryCredentials call(AssumeRoleCommand command) {
        AssumeRoleRequest request = new AssumeRoleRequest();
        config.endpoint().ifPresent(request::setSysEndpoint);
        request.setSysProtocol(config.protocol() == StsConfig.Protocol.HTTP ? ProtocolType.HTTP : ProtocolType.HTTPS);
        request.setSysConnectTimeout((int) config.connectTimeout().toMillis());
        request.setSysReadTimeout((int) config.readTimeout().toMillis());
        request.setRoleArn(command.roleArn());
        request.setRoleSessionName(command.roleSessionName().value());
        request.setPolicy(command.policy());
        request.setDurationSeconds(command.duration().toSeconds());
        // On a worker thread: waits only if a call comes before the client's construction has finished. A failed
        // construction is this service's fault, not an upstream one, so it is thrown as it is.
        IAcsClient sdk = client.join();
        try {
            AssumeRoleResponse response = sdk.getAcsResponse(request);
            AssumeRoleResponse.Credentials credentials = response.getCredentials();
            return new TemporaryCredentials(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
                    credentials.getSecurityToken(), Instant.from(EXPIRATION.parse(credentials.getExpiration())),
                    response.getRequestId());
        } catch (ClientException e) {
            throw errors.translate(e);
        } catch (RuntimeException e) {
            // Malformed success bodies (null credentials, unparsable Expiration) are upstream faults too.
            throw errors.malformedResponse(e);
        }
    }

    private static DefaultProfile profile(StsConfig config) {
        DefaultProfile profile = DefaultProfile.getProfile(config.region());
        profile.getHttpClientConfig().setConnectionTimeoutMillis(config.connectTimeout().toMillis());
        profile.getHttpClientConfig().setReadTimeoutMillis(config.readTimeout().toMillis());
        return profile;
    }

    @PreDestroy
    void close() {
        client.thenAccept(IAcsClient::shutdown);
    }
}
