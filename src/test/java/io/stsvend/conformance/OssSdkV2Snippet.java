package io.stsvend.conformance;

// README snippet (OSS SDK for Java V2) begins
import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;

final class OssSdkV2Snippet {

    /** The fields of GET /credentials an OSS client needs. */
    record VendedCredentials(String accessKeyId, String accessKeySecret, String securityToken, String region,
                             String endpoint) {
    }

    /** An OSS SDK V2 client for vended credentials; V4 signing is the SDK's default ("v1" for V1). */
    static OSSClient ossClient(VendedCredentials vended, String signatureVersion) {
        return OSSClient.newBuilder()
                .region(vended.region())
                .endpoint(vended.endpoint())
                .credentialsProvider(new StaticCredentialsProvider(vended.accessKeyId(), vended.accessKeySecret(),
                        vended.securityToken()))
                .signatureVersion(signatureVersion)
                .build();
    }
}
// README snippet (OSS SDK for Java V2) ends
