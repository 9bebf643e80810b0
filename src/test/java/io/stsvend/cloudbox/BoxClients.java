package io.stsvend.cloudbox;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * What another team's integration test does with a cloud box, using only its endpoints, key and role: the real
 * {@code aliyun-java-sdk-sts} AssumeRole, then the real OSS SDK with the temporary credentials.
 */
final class BoxClients {

    private BoxClients() {
    }

    static AssumeRoleResponse.Credentials assumeRole(String stsEndpoint, AccessKey key, String roleArn)
            throws ClientException {
        IAcsClient sts = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", key.accessKeyId(),
                key.accessKeySecret()));
        try {
            AssumeRoleRequest request = new AssumeRoleRequest();
            request.setSysEndpoint(stsEndpoint);
            request.setSysProtocol(ProtocolType.HTTP);
            request.setRoleArn(roleArn);
            request.setRoleSessionName("box-client");
            return sts.getAcsResponse(request).getCredentials();
        } finally {
            sts.shutdown();
        }
    }

    /** PUTs {@code content} and reads it back with the same temporary credentials (Signature V4). */
    static String putAndGet(String ossEndpoint, AssumeRoleResponse.Credentials credentials, String bucket,
                            String key, String content) throws java.io.IOException {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        OSS oss = OSSClientBuilder.create().endpoint(ossEndpoint).region("cn-hangzhou").clientConfiguration(conf)
                .credentialsProvider(new DefaultCredentialProvider(credentials.getAccessKeyId(),
                        credentials.getAccessKeySecret(), credentials.getSecurityToken()))
                .build();
        try {
            oss.putObject(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            try (var object = oss.getObject(bucket, key)) {
                return new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            oss.shutdown();
        }
    }
}
