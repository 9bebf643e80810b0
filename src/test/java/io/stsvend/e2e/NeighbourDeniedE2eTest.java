package io.stsvend.e2e;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;

import static io.stsvend.e2e.OssAssertions.BUCKET;
import static io.stsvend.e2e.OssAssertions.assertDenied;
import static io.stsvend.e2e.OssAssertions.put;
import static io.stsvend.e2e.OssAssertions.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege, proven by using the token: with alice's vended credentials the real OSS SDK is refused
 * (403 AccessDenied "Access denied by authorizer's policy.") everywhere outside {@code app-bucket/users/alice/},
 * although the emulated role itself may do anything in both buckets; the session policy alone narrows it.
 */
@QuarkusTest
class NeighbourDeniedE2eTest {

    static final String OTHER_BUCKET = "other-bucket";
    static final String BOBS_KEY = "users/bob/x";
    static final String BOBS_CONTENT = "bob's own words";

    OSS alice;
    OSS bob;

    void connect(SignVersion version) {
        alice = Vended.forJwt(TestTokens.forSubject("alice")).client(version);
        bob = Vended.forJwt(TestTokens.forSubject("bob")).client(version);
        put(bob, BUCKET, BOBS_KEY, BOBS_CONTENT);
    }

    @AfterEach
    void disconnect() {
        alice.shutdown();
        bob.shutdown();
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aliceCannotTouchBobsPrefix(SignVersion version) {
        connect(version);
        assertDenied(() -> alice.getObject(BUCKET, BOBS_KEY));
        assertDenied(() -> alice.getObjectMetadata(BUCKET, BOBS_KEY));
        assertDenied(() -> put(alice, BUCKET, BOBS_KEY, "overwritten by alice"));
        assertDenied(() -> put(alice, BUCKET, "users/bob/new.txt", "planted by alice"));
        assertDenied(() -> alice.initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "users/bob/big")));
        assertDenied(() -> alice.deleteObject(BUCKET, BOBS_KEY));
        assertEquals(BOBS_CONTENT, read(bob, BUCKET, BOBS_KEY));
        assertFalse(bob.doesObjectExist(BUCKET, "users/bob/new.txt"));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aliceCannotListTheBucketRootOrAnyoneElsesPrefix(SignVersion version) {
        connect(version);
        assertDenied(() -> alice.listObjects(BUCKET));
        assertDenied(() -> alice.listObjectsV2(new ListObjectsV2Request(BUCKET)));
        assertDenied(() -> alice.listObjects(new ListObjectsRequest(BUCKET, null, null, "/", 100)));
        assertDenied(() -> alice.listObjects(BUCKET, "users/bob/"));
        assertDenied(() -> alice.listObjectsV2(BUCKET, "users/bob/"));
        assertDenied(() -> alice.listObjects(BUCKET, "users/"));
        // Without the trailing slash the listing would include users/alice-evil/...: not inside her grant.
        assertDenied(() -> alice.listObjects(BUCKET, "users/alice"));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aliceCannotUseAnyOtherBucketEvenUnderHerOwnPrefix(SignVersion version) {
        connect(version);
        assertDenied(() -> put(alice, OTHER_BUCKET, "users/alice/x", "wrong bucket"));
        assertDenied(() -> alice.getObject(OTHER_BUCKET, "users/alice/x"));
        assertDenied(() -> alice.listObjects(OTHER_BUCKET, "users/alice/"));
        assertDenied(() -> alice.getBucketInfo(BUCKET));
    }

    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aKeyThatOnlyStartsWithHerNameIsNotHers(SignVersion version) {
        connect(version);
        assertDenied(() -> put(alice, BUCKET, "users/alice-evil/x", "squatting"));
        assertDenied(() -> alice.getObject(BUCKET, "users/alice-evil/x"));
        assertDenied(() -> put(alice, BUCKET, "users/alicex", "no slash"));
        assertDenied(() -> put(alice, BUCKET, "/users/alice/x", "leading slash is another key"));
    }

    /**
     * {@code users/alice/../bob/x} as a raw key. OSS keys are opaque strings: OSS does not resolve {@code ..}, so this
     * key is literally inside {@code users/alice/} and RAM allows alice to write it. The SDK does not resolve it
     * either: aliyun-sdk-oss turns Apache HttpClient's {@code normalizeUri} off (DefaultServiceClient), so the dots
     * reach the emulator as they are. What matters, and what this proves for every such spelling, is that alice can
     * never read or write BOB's object {@code users/bob/x}: her write lands on a distinct object of her own, bob's
     * object is untouched, and reading "her" dotted key returns her bytes, never his.
     */
    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void dotSegmentsNeverReachBobsObject(SignVersion version) {
        connect(version);
        for (String spelling : new String[] {"users/alice/../bob/x", "users/alice/../../users/bob/x",
                "users/alice/./../bob/x", "users/alice//../bob/x"}) {
            put(alice, BUCKET, spelling, "alice via " + spelling);
            assertEquals(BOBS_CONTENT, read(bob, BUCKET, BOBS_KEY), spelling);
            assertEquals("alice via " + spelling, read(alice, BUCKET, spelling));
            assertTrue(OwnPrefixE2eTest.keys(alice.listObjects(BUCKET, "users/alice/").getObjectSummaries())
                    .contains(spelling), "stored under alice's prefix, literally: " + spelling);
            alice.deleteObject(BUCKET, spelling);
            assertEquals(BOBS_CONTENT, read(bob, BUCKET, BOBS_KEY), spelling);
        }
        // A dotted listing prefix is inside her grant too, and it lists only her literal keys, never bob's.
        put(alice, BUCKET, "users/alice/../bob/y", "alice's y");
        assertEquals(java.util.List.of("users/alice/../bob/y"),
                OwnPrefixE2eTest.keys(alice.listObjects(BUCKET, "users/alice/../bob/").getObjectSummaries()));
        alice.deleteObject(BUCKET, "users/alice/../bob/y");
    }

    /**
     * The same key through something that does resolve dot segments (a proxy, a URL library): the signature covers
     * the key as signed, so the resolved request for {@code users/bob/x} is refused instead of served.
     */
    @ParameterizedTest
    @EnumSource(value = SignVersion.class, names = {"V1", "V4"})
    void aNormalisingIntermediaryCannotRedirectHerSignatureToBobsObject(SignVersion version) throws Exception {
        connect(version);
        put(alice, BUCKET, "users/alice/../bob/x", "alice's");
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, "users/alice/../bob/x",
                HttpMethod.GET);
        request.setExpiration(new Date(System.currentTimeMillis() + 60_000));
        URI signed = alice.generatePresignedUrl(request).toURI();
        URI resolved = signed.normalize();
        assertEquals("/" + BUCKET + "/" + BOBS_KEY, resolved.getPath());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> asSigned = http.send(HttpRequest.newBuilder(signed).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asSigned.statusCode());
        assertEquals("alice's", asSigned.body());
        HttpResponse<String> redirected = http.send(HttpRequest.newBuilder(resolved).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, redirected.statusCode());
        assertTrue(redirected.body().contains("<Code>SignatureDoesNotMatch</Code>"), redirected.body());
        assertFalse(redirected.body().contains(BOBS_CONTENT));
        alice.deleteObject(BUCKET, "users/alice/../bob/x");
    }
}
