package io.stsvend.sts;

import com.aliyuncs.auth.sts.GenerateSessionAccessKeyResponse;
import com.aliyuncs.endpoint.location.model.v20150612.DescribeEndpointsResponse;
import com.aliyuncs.http.clients.ApacheHttpClient;
import com.aliyuncs.http.clients.CompatibleUrlConnClient;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.aliyuncs.sts.model.v20150401.AssumeRoleWithOIDCResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers, for a native image, the classes that aliyun-java-sdk-core 4.7.10 and aliyun-java-sdk-sts
 * 3.1.2 reach only through reflection. A JVM build ignores this class.
 *
 * <p>What the SDK does reflectively, and so what is listed here:
 * <ul>
 *   <li>{@code DefaultAcsClient.readResponse} creates every response with {@code clazz.newInstance()}
 *       before filling it through its unmarshaller: the STS responses stsvend can receive, the core's own
 *       STS response (used by {@code STSAssumeRoleSessionCredentialsProvider}) and the Location service
 *       response (endpoint discovery). Their unmarshallers and nested classes are called and built with
 *       plain {@code new}, so they need nothing; nested classes are registered anyway (the default), which
 *       costs little and covers the Gson path below should a response class ever take it.</li>
 *   <li>{@code HttpClientFactory.buildClient} loads the HTTP client by name ({@code Class.forName}), and
 *       for every client but Apache's calls its {@code (HttpClientConfig)} constructor.</li>
 *   <li>Gson binds JSON to fields for responses annotated {@code @XmlRootElement} (only
 *       {@link GenerateSessionAccessKeyResponse} in these versions) and for the CLI profile file read by
 *       {@code CLIProfileCredentialsProvider}, which is part of {@code DefaultCredentialsProvider}'s chain.</li>
 * </ul>
 *
 * <p>Not covered here, because it is configuration rather than reflection: the SDK's classpath resources
 * {@code endpoints.json} and {@code project.properties}, both read in static initialisers that fail
 * without them, must be listed in {@code quarkus.native.resources.includes}.
 */
@RegisterForReflection(
        targets = {
            AssumeRoleResponse.class,
            AssumeRoleWithOIDCResponse.class,
            GetCallerIdentityResponse.class,
            com.aliyuncs.auth.sts.AssumeRoleResponse.class,
            DescribeEndpointsResponse.class,
            ApacheHttpClient.class,
            CompatibleUrlConnClient.class,
        })
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }

    /** Classes Gson fills field by field; the CLI profile types are package-private, hence by name. */
    @RegisterForReflection(
            targets = GenerateSessionAccessKeyResponse.class,
            classNames = {
                "com.aliyuncs.auth.CLIProfileCredentialsProvider$Config",
                "com.aliyuncs.auth.CLIProfileCredentialsProvider$Profile",
            })
    static final class GsonBound {

        private GsonBound() {
        }
    }
}
