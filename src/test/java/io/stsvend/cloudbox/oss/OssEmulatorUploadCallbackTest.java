package io.stsvend.cloudbox.oss;

import static io.stsvend.cloudbox.oss.EmulatorFixture.BUCKET;
import static io.stsvend.cloudbox.oss.OssEmulatorCallbackTest.FORM_TEMPLATE;
import static io.stsvend.cloudbox.oss.OssEmulatorCallbackTest.callback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;


import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Callbacks of CompleteMultipartUpload and PostObject, what the callback signature covers, and the public key the
 * emulator serves for verifying it.
 */
class OssEmulatorUploadCallbackTest {

    @RegisterExtension
    final EmulatorFixture fixture = new EmulatorFixture();
    @RegisterExtension
    final CallbackReceiver receiver = new CallbackReceiver();

    @Test
    void publicKeyIsServedAsPemAtTheAdvertisedUrl() throws Exception {
        URI url = fixture.emulator.callbackPublicKeyUrl();

        PublicKey served = receiver.fetchPublicKey(url.toString());

        assertEquals(URI.create(fixture.endpoint() + "/callback_pub_key_v1.pem"), url);
        assertEquals(fixture.emulator.callbackPublicKey(), served);
    }

    @Test
    void completeMultipartUploadRelaysTheCallbackWithTheWholeSize() throws Exception {
        String key = "users/u123/big.bin";
        fixture.use(SignVersion.V4, fixture.session, oss -> {
            String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
                    .getUploadId();
            UploadPartRequest part = new UploadPartRequest(BUCKET, key, uploadId, 1,
                    new ByteArrayInputStream(new byte[300]), 300);
            PartETag etag = oss.uploadPart(part).getPartETag();
            CompleteMultipartUploadRequest complete = new CompleteMultipartUploadRequest(BUCKET, key, uploadId,
                    new ArrayList<>(List.of(etag)));
            complete.setCallback(callback(receiver.url("/done"), "object=${object}&size=${size}"));

            CompleteMultipartUploadResult result = oss.completeMultipartUpload(complete);

            assertEquals(receiver.answer, new String(result.getResponse().getContent().readAllBytes(),
                    StandardCharsets.UTF_8));
        });
        assertEquals("object=users%2Fu123%2Fbig.bin&size=300", receiver.last().body());
        assertTrue(receiver.last().verified());
    }

    @Test
    void postObjectCallbackUsesTheFormsCustomVariables() throws Exception {
        String callback = PostForm.base64("{\"callbackUrl\":\"" + receiver.url("/form?src=web") + "\","
                + "\"callbackBody\":\"" + FORM_TEMPLATE + "\"}");
        Instant now = fixture.clock.instant();
        String policy = PostForm.policy(now.plus(Duration.ofMinutes(10)), "[\"starts-with\",\"$key\",\"users/u123/\"]",
                "{\"callback\":\"" + callback + "\"}");
        PostForm form = PostForm.signed(fixture, SignVersion.V4, fixture.session, "users/u123/web.txt", policy, now)
                .field("callback", callback).field("x:my_var", "from the form");

        HttpResponse<String> response = form.post(fixture.http, fixture.endpoint() + "/" + BUCKET + "/");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(receiver.answer, response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(receiver.last().verified());
        assertTrue(receiver.last().body().endsWith("&mimeType=text%2Fplain&my_var=from+the+form"),
                receiver.last().body());
    }

    /** The receiver's verification fails as soon as one signed part differs from what the emulator sent. */
    @ParameterizedTest
    @CsvSource({"path", "query", "body", "none"})
    void signatureCoversPathQueryAndBody(String tampered) throws Exception {
        fixture.use(SignVersion.V1, fixture.session, oss -> {
            var request = new com.aliyun.oss.model.PutObjectRequest(BUCKET, "users/u123/s.txt",
                    new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
            request.setCallback(callback(receiver.url("/cb/index.php?id=1&index=2"), FORM_TEMPLATE));
            oss.putObject(request).getResponse().getContent().close();
        });
        CallbackReceiver.Received sent = receiver.last();
        PublicKey key = receiver.fetchPublicKey(sent.publicKeyUrl());

        boolean verified = CallbackReceiver.verify(key,
                tampered.equals("path") ? "/cb/other.php" : sent.rawPath(),
                tampered.equals("query") ? "id=2&index=2" : sent.rawQuery(),
                tampered.equals("body") ? sent.body().replace("size=1", "size=2") : sent.body(),
                sent.authorization());

        assertTrue(sent.verified());
        assertEquals(tampered.equals("none"), verified);
        if (tampered.equals("body")) {
            assertFalse(sent.body().equals(sent.body().replace("size=1", "size=2")), "the body was changed");
        }
    }
}
