package io.stsvend.sts;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
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

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * {@link StsGateway} over {@code aliyun-java-sdk-sts}. One SDK client (thread-safe, pooled HTTP connections) is built
 * at startup from {@link StsConfig}; each call runs on the Quarkus worker pool because the SDK blocks. At startup, not
 * on the first AssumeRole: built there, on an event loop, the SDK's Apache HTTP client loaded its public-suffix list
 * and classes and stalled that event loop over 100 ms in a fresh process (issue 16).
 */
@Startup
@ApplicationScoped
public class AliyunStsGateway implements StsGateway {

    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ISO_INSTANT;

    private final StsConfig config;
    private final IAcsClient client;
    private final StsErrorTranslator errors = new StsErrorTranslator();

    @Inject
    public AliyunStsGateway(StsConfig config) {
        this.config = config;
        this.client = createClient(config);
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
        try {
            AssumeRoleResponse response = client.getAcsResponse(request);
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

    private static IAcsClient createClient(StsConfig config) {
        DefaultProfile profile = DefaultProfile.getProfile(config.region());
        profile.getHttpClientConfig().setConnectionTimeoutMillis(config.connectTimeout().toMillis());
        profile.getHttpClientConfig().setReadTimeoutMillis(config.readTimeout().toMillis());
        // The static RAM user key, or RRSA credentials (refreshed with AssumeRoleWithOIDC) when configured.
        return new DefaultAcsClient(profile, ServerCredentials.provider(config));
    }

    @PreDestroy
    void close() {
        client.shutdown();
    }
}
