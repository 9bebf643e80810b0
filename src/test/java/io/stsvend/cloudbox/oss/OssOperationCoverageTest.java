package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.testing.OssXml.element;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;


import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every OSS operation that ali-oss, the OSS SDK V2 or aliyun-sdk-oss offer and the emulator does not emulate is
 * answered 501 NotImplemented, after authentication, and changes nothing: never a 200 from an operation that was
 * silently served as a plain PutObject/GetObject/ListObjects. Each row is a correctly signed V1 request.
 */
class OssOperationCoverageTest {

    private static final String KEY = "users/u123/existing.txt";
    private static final byte[] CONTENT = "original".getBytes(StandardCharsets.UTF_8);

    // One emulator for the whole table: each row is checked to leave the object as it was.
    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();

    /** One unemulated request: what it is called, how it is sent. */
    private record Row(String name, String method, String key, String query, Map<String, String> headers) {
    }

    static Stream<Row> unemulated() {
        List<Row> rows = new ArrayList<>();
        // Object sub-resources: ACL, tagging, symlinks, archive restore, appendable objects, processing, versions.
        rows.add(row("GetObjectAcl", "GET", KEY, "acl"));
        rows.add(row("PutObjectAcl", "PUT", KEY, "acl"));
        rows.add(row("GetObjectTagging", "GET", KEY, "tagging"));
        rows.add(row("PutObjectTagging", "PUT", KEY, "tagging"));
        rows.add(row("DeleteObjectTagging", "DELETE", KEY, "tagging"));
        rows.add(row("PutSymlink", "PUT", KEY, "symlink", "x-oss-symlink-target", "users/u123/other.txt"));
        rows.add(row("GetSymlink", "GET", KEY, "symlink"));
        rows.add(row("RestoreObject", "POST", KEY, "restore"));
        rows.add(row("AppendObject", "POST", KEY, "append&position=0"));
        rows.add(row("ProcessObjectSave", "POST", KEY, "x-oss-process"));
        rows.add(row("GetObject?x-oss-process", "GET", KEY, "x-oss-process=image%2Fresize%2Cw_10"));
        rows.add(row("SelectObject", "POST", KEY, "x-oss-process=csv%2Fselect"));
        rows.add(row("GetObject?versionId", "GET", KEY, "versionId=v1"));
        rows.add(row("DeleteObject?versionId", "DELETE", KEY, "versionId=v1"));
        rows.add(row("AsyncProcessObject", "POST", KEY, "x-oss-async-process"));
        // Headers that change what a PUT means.
        rows.add(row("UploadPartCopy", "PUT", KEY, "partNumber=1&uploadId=u1", "x-oss-copy-source",
                "/" + BUCKET + "/" + KEY));
        rows.add(row("CopyObject if-match", "PUT", "users/u123/copy.txt", "", "x-oss-copy-source",
                "/" + BUCKET + "/" + KEY, "x-oss-copy-source-if-match", "\"ABC\""));
        rows.add(row("CopyObject if-none-match", "PUT", "users/u123/copy.txt", "", "x-oss-copy-source",
                "/" + BUCKET + "/" + KEY, "x-oss-copy-source-if-none-match", "\"ABC\""));
        rows.add(row("CopyObject if-modified-since", "PUT", "users/u123/copy.txt", "", "x-oss-copy-source",
                "/" + BUCKET + "/" + KEY, "x-oss-copy-source-if-modified-since", "Tue, 01 Dec 2020 00:00:00 GMT"));
        rows.add(row("CopyObject if-unmodified-since", "PUT", "users/u123/copy.txt", "", "x-oss-copy-source",
                "/" + BUCKET + "/" + KEY, "x-oss-copy-source-if-unmodified-since", "Tue, 01 Dec 2020 00:00:00 GMT"));
        rows.add(row("CopyObject from a version", "PUT", "users/u123/copy.txt", "", "x-oss-copy-source",
                "/" + BUCKET + "/" + KEY + "?versionId=v1"));
        rows.add(row("PutObject public-read", "PUT", KEY, "", "x-oss-object-acl", "public-read"));
        rows.add(row("PutObject public-read-write", "PUT", KEY, "", "x-oss-object-acl", "public-read-write"));
        rows.add(row("PutObject with tagging", "PUT", KEY, "", "x-oss-tagging", "a=b"));
        rows.add(row("PutObject into Archive", "PUT", KEY, "", "x-oss-storage-class", "Archive"));
        rows.add(row("PutObject into IA", "PUT", KEY, "", "x-oss-storage-class", "IA"));
        rows.add(row("PutObject with SSE", "PUT", KEY, "", "x-oss-server-side-encryption", "KMS"));
        // Bucket-level operations and sub-resources.
        rows.add(row("PutBucket", "PUT", "", ""));
        rows.add(row("DeleteBucket", "DELETE", "", ""));
        rows.add(row("HeadBucket", "HEAD", "", ""));
        rows.add(row("DeleteMultipleObjects", "POST", "", "delete"));
        rows.add(row("ListMultipartUploads", "GET", "", "uploads"));
        rows.add(row("GetBucketLocation", "GET", "", "location"));
        rows.add(row("GetBucketStat", "GET", "", "stat"));
        rows.add(row("ListObjectVersions", "GET", "", "versions"));
        for (String subresource : List.of("acl", "cors", "lifecycle", "website", "referer", "logging", "policy",
                "versioning", "encryption", "tagging", "worm", "inventory", "replication", "requestPayment",
                "transferAcceleration", "cname", "qos", "resourceGroup")) {
            rows.add(row("GetBucket ?" + subresource, "GET", "", subresource));
            rows.add(row("PutBucket ?" + subresource, "PUT", "", subresource));
            rows.add(row("DeleteBucket ?" + subresource, "DELETE", "", subresource));
        }
        return rows.stream();
    }

    private static Row row(String name, String method, String key, String query, String... headers) {
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            headerMap.put(headers[i], headers[i + 1]);
        }
        return new Row(name, method, key, query, headerMap);
    }

    @BeforeEach
    void storeTheObject() throws Exception {
        fixture.put(KEY, CONTENT);
    }

    @Test
    void everyUnemulatedOperationIsAnsweredNotImplementedAndChangesNothing() {
        assertAll(unemulated().map(row -> () -> check(row.name(), row.method(), row.key(), row.query(),
                row.headers())));
    }

    private void check(String name, String method, String key, String query, Map<String, String> headers)
            throws Exception {
        HttpResponse<String> response = fixture.http.send(
                fixture.v1Signed(fixture.session, method, key, query, headers), HttpResponse.BodyHandlers.ofString());

        assertEquals(501, response.statusCode(), name + ": " + response.body());
        if (!method.equals("HEAD")) {
            assertEquals("NotImplemented", element(response.body(), "Code"), name);
        }
        var oss = fixture.client(com.aliyun.oss.common.comm.SignVersion.V1, fixture.session);
        try (var object = oss.getObject(BUCKET, KEY)) {
            assertArrayEquals(CONTENT, object.getObjectContent().readAllBytes(), name + " changed the object");
            assertEquals(false, oss.doesObjectExist(BUCKET, "users/u123/copy.txt"), name + " wrote a copy");
        } finally {
            oss.shutdown();
        }
    }
}
