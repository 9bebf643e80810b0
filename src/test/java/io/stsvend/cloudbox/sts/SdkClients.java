package io.stsvend.cloudbox.sts;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real {@code aliyun-java-sdk-sts} client, wired to the emulator as spec §2.5 describes. */
final class SdkClients {

    private static final String REGION = "cn-hangzhou";
    private static final List<IAcsClient> OPEN = new CopyOnWriteArrayList<>();

    private SdkClients() {
    }

    static IAcsClient longTerm(String accessKeyId, String accessKeySecret) {
        return track(new DefaultAcsClient(DefaultProfile.getProfile(REGION, accessKeyId, accessKeySecret)));
    }

    static IAcsClient temporary(String accessKeyId, String accessKeySecret, String securityToken) {
        return track(new DefaultAcsClient(DefaultProfile.getProfile(REGION),
                new BasicSessionCredentials(accessKeyId, accessKeySecret, securityToken)));
    }

    /** Shuts down every client created since the last call (call from {@code @AfterEach}). */
    static void shutdownAll() {
        OPEN.forEach(IAcsClient::shutdown);
        OPEN.clear();
    }

    private static IAcsClient track(IAcsClient client) {
        OPEN.add(client);
        return client;
    }

    static AssumeRoleRequest assumeRole(StsEmulatorFixture sts, String roleArn, String sessionName) {
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setSysEndpoint(sts.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setRoleArn(roleArn);
        request.setRoleSessionName(sessionName);
        return request;
    }

    static GetCallerIdentityRequest callerIdentity(StsEmulatorFixture sts) {
        GetCallerIdentityRequest request = new GetCallerIdentityRequest();
        request.setSysEndpoint(sts.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return request;
    }
}
