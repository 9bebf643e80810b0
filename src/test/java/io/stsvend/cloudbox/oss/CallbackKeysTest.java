package io.stsvend.cloudbox.oss;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;

import java.security.Signature;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The callback key pair costs nothing until a callback needs it, and is then made off the event loop. */
class CallbackKeysTest {

    @Test
    void noKeyPairIsGeneratedUntilACallbackNeedsOne() {
        assertFalse(new CallbackKeys().generated());
    }

    @Test
    void readyGeneratesTheKeyPairOnAWorkerNotOnTheEventLoopThatAsked() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CallbackKeys keys = new CallbackKeys();
            CompletableFuture<Boolean> generatedWhenReadyReturned = new CompletableFuture<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                var ready = keys.ready(vertx);
                generatedWhenReadyReturned.complete(keys.generated());
                ready.onComplete(r -> done.complete(null));
            });

            assertFalse(generatedWhenReadyReturned.get(30, TimeUnit.SECONDS), "the event loop did not generate it");
            done.get(60, TimeUnit.SECONDS);
            assertTrue(keys.generated());
            assertTrue(keys.ready(vertx).isComplete(), "once generated, ready is at once");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSignatureVerifiesWithThePublicKeyItServes() throws Exception {
        CallbackKeys keys = new CallbackKeys();
        String signed = keys.sign("/callback\n{\"a\":1}");

        Signature verify = Signature.getInstance("MD5withRSA");
        verify.initVerify(keys.publicKey());
        verify.update("/callback\n{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertTrue(verify.verify(Base64.getDecoder().decode(signed)));
    }
}
