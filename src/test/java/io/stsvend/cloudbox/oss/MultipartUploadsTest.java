package io.stsvend.cloudbox.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultipartUploadsTest {

    private static final int PART = (int) MultipartUploads.MIN_PART_SIZE;

    private final MultipartUploads uploads = new MultipartUploads(1024 * 1024);
    private MultipartUploads.Upload upload;
    private MultipartUploads.Part one;
    private MultipartUploads.Part two;

    @BeforeEach
    void twoParts() {
        upload = uploads.initiate("b", "k", "text/plain", Map.of(), Instant.EPOCH);
        one = uploads.putPart(upload, 1, filled(PART, 1), Instant.EPOCH);
        two = uploads.putPart(upload, 2, filled(10, 2), Instant.EPOCH);
    }

    @Test
    void completeConcatenatesPartsAndUsesTheOssMultipartEtag() {
        StoredObject object = uploads.complete(upload, List.of(ref(one), ref(two)), Instant.EPOCH);

        byte[] md5s = new byte[32];
        System.arraycopy(HexFormat.of().parseHex(one.etag()), 0, md5s, 0, 16);
        System.arraycopy(HexFormat.of().parseHex(two.etag()), 0, md5s, 16, 16);
        assertEquals(StoredObject.md5Hex(md5s) + "-2", object.etag());
        assertEquals(PART + 10, object.size());
        assertArrayEquals(filled(10, 2), java.util.Arrays.copyOfRange(object.content(), PART, PART + 10));
        assertEquals(OssErrorCode.NO_SUCH_UPLOAD, assertThrows(OssException.class,
                () -> uploads.require("b", "k", upload.id())).error);
    }

    @Test
    void partsOutOfOrderAreRefused() {
        assertError(OssErrorCode.INVALID_PART_ORDER, List.of(ref(two), ref(one)));
    }

    @Test
    void unknownPartOrWrongEtagIsInvalidPart() {
        assertError(OssErrorCode.INVALID_PART, List.of(ref(one), new MultipartUploads.PartReference(3, two.etag())));
        assertError(OssErrorCode.INVALID_PART, List.of(ref(one), new MultipartUploads.PartReference(2, one.etag())));
    }

    @Test
    void smallPartBeforeTheLastIsTooSmall() {
        MultipartUploads.Part small = uploads.putPart(upload, 1, filled(PART - 1, 1), Instant.EPOCH);
        assertError(OssErrorCode.ENTITY_TOO_SMALL, List.of(ref(small), ref(two)));
    }

    @Test
    void uploadIdOfAnotherKeyIsNoSuchUpload() {
        assertEquals(OssErrorCode.NO_SUCH_UPLOAD, assertThrows(OssException.class,
                () -> uploads.require("b", "other", upload.id())).error);
    }

    @Test
    void uploadLargerThanTheObjectLimitIsRefused() {
        assertEquals(OssErrorCode.ENTITY_TOO_LARGE, assertThrows(OssException.class,
                () -> uploads.putPart(upload, 3, new byte[1024 * 1024], Instant.EPOCH)).error);
    }

    @Test
    void completeBodyParsingRejectsDoctypesAndGarbage() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part>"
                + "</CompleteMultipartUpload>";
        for (String body : List.of(doctype, "not xml", "<Other/>",
                "<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>")) {
            assertEquals(OssErrorCode.MALFORMED_XML, assertThrows(OssException.class,
                    () -> CompleteMultipartBody.parse(body.getBytes(StandardCharsets.UTF_8))).error, body);
        }
        assertEquals(List.of(new MultipartUploads.PartReference(1, "\"AB\"")), CompleteMultipartBody.parse(
                ("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"AB\"</ETag></Part>"
                        + "</CompleteMultipartUpload>").getBytes(StandardCharsets.UTF_8)));
    }

    private void assertError(OssErrorCode expected, List<MultipartUploads.PartReference> parts) {
        assertEquals(expected, assertThrows(OssException.class,
                () -> uploads.complete(upload, parts, Instant.EPOCH)).error);
    }

    private static MultipartUploads.PartReference ref(MultipartUploads.Part part) {
        return new MultipartUploads.PartReference(part.number(), "\"" + part.etag() + "\"");
    }

    private static byte[] filled(int size, int value) {
        byte[] data = new byte[size];
        java.util.Arrays.fill(data, (byte) value);
        return data;
    }
}
