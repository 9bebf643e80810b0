package io.stsvend.local.sts;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;

/** The real {@code aliyun-java-sdk-sts} client, wired to the emulator as spec §2.5 describes. */
final class SdkClients {

    private static final String REGION = "cn-hangzhou";

    private SdkClients() {
    }

    static IAcsClient longTerm(String accessKeyId, String accessKeySecret) {
        return new DefaultAcsClient(DefaultProfile.getProfile(REGION, accessKeyId, accessKeySecret));
    }

    static IAcsClient temporary(String accessKeyId, String accessKeySecret, String securityToken) {
        return new DefaultAcsClient(DefaultProfile.getProfile(REGION),
                new BasicSessionCredentials(accessKeyId, accessKeySecret, securityToken));
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
