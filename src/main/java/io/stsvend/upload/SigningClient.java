package io.stsvend.upload;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;

import io.stsvend.issuance.OssConfig;
import io.stsvend.sts.TemporaryCredentials;

import java.time.Instant;
import java.util.Date;
import java.util.function.Function;

/**
 * The one class of {@code upload} that touches the OSS SDK: it signs locally (a presigned URL, a PostObject
 * signature) with the SDK's own signer, on a client built from a caller's vended credentials and shut down
 * afterwards. The client never sends a request.
 */
final class SigningClient {

    private SigningClient() {
    }

    /**
     * A presigned URL for {@code GET} ({@code put} false) or {@code PUT} of {@code bucket/key}, valid until
     * {@code expires}, signed with V4 ({@code v4}) or V1; a non-null {@code contentType} is part of the signature.
     */
    static String presignedUrl(OssConfig oss, TemporaryCredentials credentials, boolean v4, String bucket, String key,
                               boolean put, Instant expires, String contentType) {
        GeneratePresignedUrlRequest presign = new GeneratePresignedUrlRequest(bucket, key,
                put ? HttpMethod.PUT : HttpMethod.GET);
        presign.setExpiration(Date.from(expires));
        if (contentType != null) {
            presign.setContentType(contentType);
        }
        return sign(oss, credentials, v4 ? SignVersion.V4 : SignVersion.V1,
                client -> client.generatePresignedUrl(presign).toString());
    }

    /** The V4 signature of a PostObject {@code policy} (base64) for a form signed at {@code signedAt}. */
    static String postSignature(OssConfig oss, TemporaryCredentials credentials, String policy, Instant signedAt) {
        return sign(oss, credentials, SignVersion.V4,
                client -> client.calculatePostSignature(policy, Date.from(signedAt)));
    }

    private static <T> T sign(OssConfig oss, TemporaryCredentials credentials, SignVersion version,
                              Function<OSS, T> operation) {
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
