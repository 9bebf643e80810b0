package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Callback;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;

import io.stsvend.testing.EachSignVersion;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upload callbacks of PutObject through the real SDK: delivery, signature, relay, failure. */
class OssEmulatorCallbackTest {

    static final String FORM_TEMPLATE = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}"
            + "&mimeType=${mimeType}&my_var=${x:my_var}";
    private static final String KEY = "users/u123/cb.txt";
    private static final byte[] CONTENT = "hello".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();
    @RegisterExtension
    final CallbackReceiver receiver = new CallbackReceiver();

    @EachSignVersion
    void putObjectRelaysTheVerifiedCallbacksJsonAnswer(SignVersion version) throws Exception {
        Callback callback = callback(receiver.url("/cb/index.php?id=1&index=2"), FORM_TEMPLATE);
        callback.addCallbackVar("x:my_var", "a b&c");

        Relayed relayed = put(version, callback);

        assertEquals(receiver.answer, relayed.body());
        assertEquals(200, relayed.status());
        assertEquals("application/json", relayed.contentType());
        CallbackReceiver.Received received = receiver.last();
        assertTrue(received.verified(), "the receiver verifies the emulator's signature");
        assertEquals("/cb/index.php", received.rawPath());
        assertEquals("id=1&index=2", received.rawQuery());
        assertEquals(CallbackBody.FORM, received.contentType());
        assertEquals(fixture.emulator.callbackPublicKeyUrl().toString(), received.publicKeyUrl());
        assertEquals("bucket=app-bucket&object=users%2Fu123%2Fcb.txt&etag=" + StoredObject.md5Hex(CONTENT)
                + "&size=5&mimeType=text%2Fplain&my_var=a+b%26c", received.body());
    }

    @Test
    void jsonBodyTypeRendersJsonValues() throws Exception {
        Callback callback = callback(receiver.url("/json"), "{\\\"bucket\\\":${bucket},\\\"size\\\":${size}}");
        callback.setCalbackBodyType(Callback.CalbackBodyType.JSON);

        put(SignVersion.V1, callback);

        assertEquals("{\"bucket\":\"app-bucket\",\"size\":5}", receiver.last().body());
        assertEquals(CallbackBody.JSON, receiver.last().contentType());
        assertTrue(receiver.last().verified());
    }

    @Test
    void failingReceiverGives203CallbackFailedAndTheObjectStaysStored() throws Exception {
        receiver.status = 500;

        OSSException error = assertThrows(OSSException.class,
                () -> put(SignVersion.V1, callback(receiver.url("/cb"), FORM_TEMPLATE)));

        assertEquals("CallbackFailed", error.getErrorCode());
        assertTrue(error.getErrorMessage().contains("500"), error.getErrorMessage());
        assertTrue(fixture.exists(KEY));
    }

    @Test
    void answerThatIsNotJsonIsACallbackFailure() throws Exception {
        receiver.answer = "OK";

        OSSException error = assertThrows(OSSException.class,
                () -> put(SignVersion.V1, callback(receiver.url("/cb"), FORM_TEMPLATE)));

        assertEquals("CallbackFailed", error.getErrorCode());
        assertTrue(fixture.exists(KEY));
    }

    @Test
    void urlsAreTriedInOrderUntilOneAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String urls = "http://127.0.0.1:" + closedPort + "/down;" + receiver.url("/up");

        Relayed relayed = put(SignVersion.V1, callback(urls, FORM_TEMPLATE));

        assertEquals(receiver.answer, relayed.body());
        assertEquals("/up", receiver.last().rawPath());
    }

    static Stream<String> invalidCallbacks() {
        String url = "http://127.0.0.1:1/cb";
        return Stream.of("not base64!",
                PostForm.base64("not json"),
                PostForm.base64("{\"callbackUrl\":\"" + url + "\",\"callbackBody\":\"\"}"),
                PostForm.base64("{\"callbackUrl\":\"" + url + "\",\"callbackBody\":\"a=${bucket}\","
                        + "\"callbackBodyType\":\"text/plain\"}"),
                PostForm.base64("{\"callbackUrl\":\"" + String.join(";", Collections.nCopies(6, url))
                        + "\",\"callbackBody\":\"a=${bucket}\"}"),
                PostForm.base64("{\"callbackUrl\":\"ftp://127.0.0.1/cb\",\"callbackBody\":\"a=${bucket}\"}"),
                PostForm.base64("{\"callbackUrl\":\"" + url + "\",\"callbackBody\":\"a=${bucket\"}"));
    }

    @ParameterizedTest
    @MethodSource("invalidCallbacks")
    void invalidCallbackParameterIsRefusedBeforeStoring(String invalid) throws Exception {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setHeader("x-oss-callback", invalid);
        fixture.use(SignVersion.V1, fixture.session, oss -> {
            OSSException error = assertThrows(OSSException.class, () -> oss.putObject(
                    new PutObjectRequest(BUCKET, KEY, new ByteArrayInputStream(CONTENT), metadata)));
            assertEquals("InvalidArgument", error.getErrorCode());
        });
        assertFalse(fixture.exists(KEY));
    }

    static Callback callback(String url, String template) {
        Callback callback = new Callback();
        callback.setCallbackUrl(url);
        callback.setCallbackBody(template);
        return callback;
    }

    /** The upload's response as the SDK hands it over: status, Content-Type and the relayed body. */
    record Relayed(int status, String contentType, String body) {
    }

    private Relayed put(SignVersion version, Callback callback) throws Exception {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentType("text/plain");
        PutObjectRequest request = new PutObjectRequest(BUCKET, KEY, new ByteArrayInputStream(CONTENT), metadata);
        request.setCallback(callback);
        OSS oss = fixture.client(version, fixture.session);
        try {
            PutObjectResult result = oss.putObject(request);
            return new Relayed(result.getResponse().getStatusCode(),
                    result.getResponse().getHeaders().get("Content-Type"),
                    new String(result.getResponse().getContent().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            oss.shutdown();
        }
    }
}
