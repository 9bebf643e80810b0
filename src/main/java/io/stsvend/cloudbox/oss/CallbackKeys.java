package io.stsvend.cloudbox.oss;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The RSA key pair one emulator instance signs upload callbacks with (spec §6.2: {@code MD5withRSA}, PKCS#1 v1.5),
 * generated when first needed and never persisted, and the URL of its public key. Not at construction: an RSA 2048
 * key generation costs a start (local mode's among them) about 0.2 s of a core, and most emulator runs send no
 * callback; {@link #ready} generates it on a worker thread, so the first callback does not stall an event loop.
 * The emulator serves the PEM at {@link #PUBLIC_KEY_PATH} on its own port; that path's first segment contains an
 * underscore and a dot, which no bucket name can, so it never collides with path-style addressing. The private key never leaves this class.
 */
final class CallbackKeys {

    /** Where the emulator serves the public key, mirroring Alibaba's {@code callback_pub_key_v1.pem}. */
    static final String PUBLIC_KEY_PATH = "/callback_pub_key_v1.pem";

    private volatile KeyPair keyPair;
    private volatile URI publicKeyUrl;

    /** Completes once the key pair exists: at once after the first time, else after generating it on a worker. */
    Future<Void> ready(Vertx vertx) {
        return keyPair != null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            keyPair();
            return null;
        }, false);
    }

    /** True once the key pair was generated. */
    boolean generated() {
        return keyPair != null;
    }

    private KeyPair keyPair() {
        KeyPair pair = keyPair;
        if (pair == null) {
            synchronized (this) {
                pair = keyPair;
                if (pair == null) {
                    pair = generate();
                    keyPair = pair;
                }
            }
        }
        return pair;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    /** Records where the emulator listens; wildcard listen addresses are advertised as loopback. */
    void bind(String host, int port) {
        String advertised = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "127.0.0.1" : host;
        if (advertised.contains(":") && !advertised.startsWith("[")) {
            advertised = "[" + advertised + "]";
        }
        publicKeyUrl = URI.create("http://" + advertised + ":" + port + PUBLIC_KEY_PATH);
    }

    /** @throws IllegalStateException before the emulator listens */
    URI publicKeyUrl() {
        URI url = publicKeyUrl;
        if (url == null) {
            throw new IllegalStateException("the OSS emulator is not listening");
        }
        return url;
    }

    PublicKey publicKey() {
        return keyPair().getPublic();
    }

    /** The public key as a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), as Alibaba publishes it. */
    String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Base64 of the {@code MD5withRSA} signature of the UTF-8 string to sign. */
    String sign(String stringToSign) {
        try {
            Signature signature = Signature.getInstance("MD5withRSA");
            signature.initSign(keyPair().getPrivate());
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5withRSA unavailable", e);
        }
    }
}
