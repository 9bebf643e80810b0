package io.stsvend.conformance;

import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.exceptions.ServiceException;
import com.aliyun.sdk.service.oss2.models.DeleteObjectRequest;
import com.aliyun.sdk.service.oss2.models.GetObjectRequest;
import com.aliyun.sdk.service.oss2.models.GetObjectResult;
import com.aliyun.sdk.service.oss2.models.ListObjectsV2Request;
import com.aliyun.sdk.service.oss2.models.ListObjectsV2Result;
import com.aliyun.sdk.service.oss2.models.ObjectSummary;
import com.aliyun.sdk.service.oss2.models.PutObjectRequest;
import com.aliyun.sdk.service.oss2.transport.BinaryData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stsvend.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The OSS SDK for Java V2 ({@code com.aliyun:alibabacloud-oss-v2}), built from vended credentials exactly as the
 * README's snippet ({@link OssSdkV2Snippet}) builds it: put, get, paged list and delete in the user's folder, and
 * AccessDenied next door, signing V4 and V1.
 */
@QuarkusTest
class OssSdkV2ConformanceTest {

    private static final String BUCKET = "app-bucket";

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v1"})
    void putGetListDeleteAndDenial(String signatureVersion) throws Exception {
        String folder = "users/alice/sdk-v2-" + signatureVersion + "/";
        try (OSSClient oss = OssSdkV2Snippet.ossClient(vend(TestTokens.forSubject("alice")), signatureVersion)) {
            for (String name : List.of("a.txt", "b.txt", "c.txt")) {
                oss.putObject(PutObjectRequest.newBuilder().bucket(BUCKET).key(folder + name)
                        .body(BinaryData.fromString("hello " + name)).build());
            }
            try (GetObjectResult got = oss.getObject(GetObjectRequest.newBuilder().bucket(BUCKET)
                    .key(folder + "b.txt").build())) {
                assertEquals("hello b.txt", new String(got.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (GetObjectResult ranged = oss.getObject(GetObjectRequest.newBuilder().bucket(BUCKET)
                    .key(folder + "b.txt").range("bytes=0-4").build())) {
                assertEquals("hello", new String(ranged.body().readAllBytes(), StandardCharsets.UTF_8));
            }

            List<String> keys = new ArrayList<>();
            String token = null;
            do {
                ListObjectsV2Request.Builder list = ListObjectsV2Request.newBuilder().bucket(BUCKET).prefix(folder)
                        .maxKeys(2L);
                ListObjectsV2Result page = oss.listObjectsV2((token == null ? list : list.continuationToken(token))
                        .build());
                page.contents().stream().map(ObjectSummary::key).forEach(keys::add);
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
            assertEquals(List.of(folder + "a.txt", folder + "b.txt", folder + "c.txt"), keys);

            oss.deleteObject(DeleteObjectRequest.newBuilder().bucket(BUCKET).key(folder + "a.txt").build());
            ServiceException gone = serviceError(() -> oss.getObject(GetObjectRequest.newBuilder().bucket(BUCKET)
                    .key(folder + "a.txt").build()));
            assertEquals(404, gone.statusCode());
            assertEquals("NoSuchKey", gone.errorCode());

            ServiceException denied = serviceError(() -> oss.putObject(PutObjectRequest.newBuilder().bucket(BUCKET)
                    .key("users/bob/planted.txt").body(BinaryData.fromString("x")).build()));
            assertEquals(403, denied.statusCode());
            assertEquals("AccessDenied", denied.errorCode());
        }
    }

    /** The SDK wraps service errors in an OperationException; the ServiceException is its cause. */
    private static ServiceException serviceError(Runnable call) {
        RuntimeException thrown = assertThrows(RuntimeException.class, call::run);
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof ServiceException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            throw new AssertionError("no ServiceException in " + thrown, thrown);
        }
        return (ServiceException) cause;
    }

    private static OssSdkV2Snippet.VendedCredentials vend(String jwt) {
        JsonPath body = given().auth().oauth2(jwt).when().get("/credentials").then().statusCode(200)
                .extract().jsonPath();
        return new OssSdkV2Snippet.VendedCredentials(body.getString("accessKeyId"),
                body.getString("accessKeySecret"), body.getString("securityToken"), body.getString("region"),
                body.getString("endpoint"));
    }
}
