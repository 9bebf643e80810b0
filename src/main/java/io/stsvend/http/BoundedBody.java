package io.stsvend.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body of the JDK HTTP client read into memory up to a byte limit: every outbound fetch (the IdP's JWKS,
 * OSS callback public keys) reads through it, so none buffers more than it asked for. Contract: the body completes with its bytes when the server
 * ends it within {@code limit} bytes; past the limit it fails and cancels the subscription, so the client stops
 * reading (and drops the connection) instead of buffering the rest. {@link #cancel()} stops it from outside.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    public BoundedBody(int limit) {
        this.limit = limit;
    }

    /** A body that is never read: the response is refused with {@code reason}. */
    public static HttpResponse.BodySubscriber<byte[]> refused(String reason) {
        return new Refused(reason);
    }

    /** Stops reading (the caller's deadline passed); the body fails. */
    public void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        result.completeExceptionally(new IllegalStateException("fetch abandoned"));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (bytes.size() + item.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new IllegalStateException("response over " + limit + " bytes"));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    /** Fails at once and cancels the body unread. */
    private static final class Refused implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();

        Refused(String reason) {
            result.completeExceptionally(new IllegalStateException(reason));
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
