package io.stsvend.testing;

import io.vertx.core.net.PemKeyCertOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The emulators' test-only TLS identity: a self-signed certificate for {@code localhost} and {@code 127.0.0.1}
 * (src/test/resources/test-tls, valid until 2126), and an {@link SSLContext} that trusts exactly that certificate.
 *
 * <p>Committed rather than made at runtime: Vert.x's {@code SelfSignedCertificate} needs either BouncyCastle or
 * {@code --add-exports java.base/sun.security.x509} on Java 17, and neither belongs in the build. Made with
 * {@code openssl req -x509 -newkey rsa:2048 -nodes -keyout localhost.key -out localhost.crt -days 36500
 * -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1}.
 */
public final class TestTls {

    public static final String HOST = "localhost";

    private TestTls() {
    }

    /** The certificate (PEM) file, e.g. for {@code stsvend.sts.rrsa.trust-certificate}. */
    public static Path certificatePath() {
        return resource("test-tls/localhost.crt");
    }

    /** Certificate and private key for an emulator's TLS listener. */
    public static PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions().setCertPath(certificatePath().toString())
                .setKeyPath(resource("test-tls/localhost.key").toString());
    }

    /** Trusts only the test certificate (hostname verification stays on in the clients). */
    public static SSLContext trustingTestCertificate() {
        try (InputStream in = Files.newInputStream(certificatePath())) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("test", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestTls.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
