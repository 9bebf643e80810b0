package io.stsvend.demo;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;

/**
 * A command-line walk-through of the mobile flow against a running stsvend (local mode): get a JWT (or take one),
 * call {@code GET /credentials}, then with the unmodified aliyun-sdk-oss client upload a file into the caller's own
 * prefix, list it back, and show that the neighbour's prefix is refused with {@code AccessDenied}.
 *
 * <pre>./mvnw -q exec:java -Dexec.mainClass=io.stsvend.demo.DemoClient -Dexec.args="http://localhost:8080 --sub alice"</pre>
 *
 * <p>Exit status 0 when every step behaved as expected, 1 when least privilege was not observed, 2 on bad arguments
 * or an unreachable service. Its report goes to standard output: that is the program's product, not logging. It
 * prints the AccessKeyId and expiry but never the AccessKeySecret or SecurityToken. Depends only on the JDK,
 * Jackson and the OSS SDK, so it can be copied out of this repository as an example client.
 */
public final class DemoClient {

    private final PrintStream out;

    DemoClient(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int status = new DemoClient(System.out).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the walk-through and returns the exit status described on the class. */
    int run(String... args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(DemoOptions.USAGE);
            return 2;
        }
        try {
            return walkThrough(options) ? 0 : 1;
        } catch (IOException | ClientException | OSSException e) {
            out.println("FAILED: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private boolean walkThrough(DemoOptions options) throws IOException, InterruptedException {
        VendingService service = new VendingService(options.service());
        out.println("Service:     " + options.service());
        String jwt = options.jwt().orElse(null);
        String subject = options.subject();
        if (jwt == null) {
            jwt = service.demoToken(subject, options.groups());
            out.printf("JWT:         demo token for sub=%s%s from GET /local/token%n", subject,
                    options.groups().map(g -> " groups=" + g).orElse(""));
        } else {
            subject = JwtSubject.of(jwt);
            out.printf("JWT:         given, sub=%s%n", subject);
        }
        VendedCredentials credentials = service.credentials(jwt);
        out.printf("Credentials: %s, expires %s, OSS endpoint %s (%s)%n", credentials.accessKeyId(),
                credentials.expiration(), credentials.endpoint(), credentials.region());
        credentials.grants().forEach(g -> out.printf("  grant:     %s/%s* %s%n", g.bucket(), g.prefix(), g.access()));
        VendedCredentials.GrantView own = credentials.writableGrant().orElse(null);
        if (own == null) {
            out.println("FAILED: the credentials grant no write access anywhere; nothing to upload to.");
            return false;
        }
        OSS oss = client(credentials, options);
        try {
            StorageTour tour = new StorageTour(oss, out);
            String name = options.file().map(f -> f.getFileName().toString()).orElse("hello.txt");
            boolean uploaded = tour.uploadAndList(own.bucket(), own.prefix(), name, content(options));
            String neighbourPrefix = neighbourPrefix(own.prefix(), subject, options.neighbourOf(subject));
            boolean denied = tour.neighbourIsDenied(own.bucket(), neighbourPrefix, name);
            out.println(uploaded && denied
                    ? "OK: the credentials work on " + own.prefix() + " and are refused on " + neighbourPrefix + "."
                    : "FAILED: least privilege was not observed (see above).");
            return uploaded && denied;
        } finally {
            oss.shutdown();
        }
    }

    /** The unmodified SDK, configured only from the response (endpoint, region) plus the chosen signature version. */
    private static OSS client(VendedCredentials credentials, DemoOptions options) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(options.signature());
        return OSSClientBuilder.create().endpoint(credentials.endpoint())
                .credentialsProvider(new DefaultCredentialProvider(credentials.accessKeyId(),
                        credentials.accessKeySecret(), credentials.securityToken()))
                .region(credentials.region()).clientConfiguration(conf).build();
    }

    /** Swaps the subject's segment of the own prefix for the neighbour's: {@code users/alice/} → {@code users/bob/}. */
    static String neighbourPrefix(String ownPrefix, String subject, String neighbour) {
        // Search "/users/alice/" for "/alice/" so that only a whole path segment matches.
        String segment = "/" + subject + "/";
        int at = ("/" + ownPrefix).lastIndexOf(segment);
        if (at < 0) {
            return "users/" + neighbour + "/";
        }
        return ownPrefix.substring(0, at) + neighbour + "/" + ownPrefix.substring(at + segment.length() - 1);
    }

    private static byte[] content(DemoOptions options) throws IOException {
        if (options.file().isPresent()) {
            return Files.readAllBytes(options.file().get());
        }
        return ("Hello from the stsvend demo, " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
