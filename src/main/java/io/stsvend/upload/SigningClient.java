package io.stsvend.upload;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.stsvend.issuance.OssConfig;
import io.stsvend.sts.TemporaryCredentials;

import java.util.function.Function;

/**
 * Runs one local signing operation (presigned URL, PostObject signature) with the OSS SDK's own signer, on a client
 * built from a caller's vended credentials and shut down afterwards. The client never sends a request.
 */
final class SigningClient {

    private SigningClient() {
    }

    static <T> T sign(OssConfig oss, TemporaryCredentials credentials, SignVersion version, Function<OSS, T> operation) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        OSS client = OSSClientBuilder.create().endpoint(oss.endpoint()).region(oss.region())
                .credentialsProvider(new DefaultCredentialProvider(credentials.accessKeyId(),
                        credentials.accessKeySecret(), credentials.securityToken()))
                .clientConfiguration(conf).build();
        try {
            return operation.apply(client);
        } finally {
            client.shutdown();
        }
    }
}
