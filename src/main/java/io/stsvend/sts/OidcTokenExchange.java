package io.stsvend.sts;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AnonymousCredentials;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.sts.model.v20150401.AssumeRoleWithOIDCRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleWithOIDCResponse;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.net.ssl.X509TrustManager;

/**
 * Calls STS {@code AssumeRoleWithOIDC} (spec §1.7) with the SDK's own request and response classes: anonymous (the
 * OIDC token is the credential), always HTTPS, against a fixed endpoint (no endpoint discovery). The OIDC token goes
 * in the form body, never in the URL, because it is a bearer credential and URLs end up in proxy and access logs.
 * Thread-safe; blocking.
 */
final class OidcTokenExchange {

    /** Where and as whom to exchange; {@code trust} adds to the JDK's trusted certificates. */
    record Target(String region, String endpoint, String roleArn, String oidcProviderArn, String roleSessionName,
                  long durationSeconds, long connectTimeoutMillis, long readTimeoutMillis,
                  Optional<X509TrustManager> trust) {
    }

    private final Target target;
    private final IAcsClient client;

    OidcTokenExchange(Target target) {
        this.target = target;
        DefaultProfile profile = DefaultProfile.getProfile(target.region());
        HttpClientConfig http = profile.getHttpClientConfig();
        // The SDK's Apache client is one JVM-wide instance configured by whichever client is built first, so trust
        // settings given here would be ignored; the URLConnection client is built per SDK client and honours them.
        http.setCompatibleMode(true);
        http.setConnectionTimeoutMillis(target.connectTimeoutMillis());
        http.setReadTimeoutMillis(target.readTimeoutMillis());
        target.trust().ifPresent(trust -> http.setX509TrustManagers(new X509TrustManager[] {trust}));
        this.client = new DefaultAcsClient(profile, AnonymousCredentials::new);
    }

    /** Exchanges one OIDC token for the role's temporary credentials; SDK failures pass through unchanged. */
    TemporaryCredentials exchange(String oidcToken) throws ClientException {
        AssumeRoleWithOIDCRequest request = new TokenInBody(oidcToken);
        request.setSysEndpoint(target.endpoint());
        request.setSysProtocol(ProtocolType.HTTPS);
        request.setRoleArn(target.roleArn());
        request.setOIDCProviderArn(target.oidcProviderArn());
        request.setRoleSessionName(target.roleSessionName());
        request.setDurationSeconds(target.durationSeconds());
        AssumeRoleWithOIDCResponse response = client.getAcsResponse(request);
        AssumeRoleWithOIDCResponse.Credentials credentials = response.getCredentials();
        return new TemporaryCredentials(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
                credentials.getSecurityToken(),
                Instant.from(DateTimeFormatter.ISO_INSTANT.parse(credentials.getExpiration())),
                response.getRequestId());
    }

    void close() {
        client.shutdown();
    }

    /** The generated request puts every parameter in the query string; this one moves the token to the body. */
    private static final class TokenInBody extends AssumeRoleWithOIDCRequest {

        TokenInBody(String oidcToken) {
            setHttpContentType(FormatType.FORM);
            putBodyParameter("OIDCToken", oidcToken);
        }
    }
}
