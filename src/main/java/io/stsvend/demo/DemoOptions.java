package io.stsvend.demo;

import com.aliyun.oss.common.comm.SignVersion;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The demo's command line: {@code [SERVICE_URL] [--jwt JWT | --sub NAME [--groups G1,G2]] [--file PATH]
 * [--neighbour NAME] [--signature V1|V4]}. Defaults: {@code http://localhost:8080}, a demo token for {@code alice}
 * from {@code /local/token}, a small generated text file, neighbour {@code bob} (or {@code alice} for bob),
 * Signature V4. With {@code --jwt}, the subject is read from the token.
 */
record DemoOptions(URI service, Optional<String> jwt, String subject, Optional<String> groups, Optional<Path> file,
                   Optional<String> neighbour, SignVersion signature) {

    static final String USAGE = "usage: DemoClient [SERVICE_URL] [--jwt JWT | --sub NAME [--groups G1,G2]]"
            + " [--file PATH] [--neighbour NAME] [--signature V1|V4]";

    /** @throws IllegalArgumentException with a message for the user when the arguments make no sense */
    static DemoOptions parse(String... args) {
        URI service = URI.create("http://localhost:8080");
        Optional<String> jwt = Optional.empty();
        String subject = "alice";
        Optional<String> groups = Optional.empty();
        Optional<Path> file = Optional.empty();
        String neighbour = null;
        SignVersion signature = SignVersion.V4;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--jwt" -> jwt = Optional.of(value(args, ++i, arg));
                case "--sub" -> subject = value(args, ++i, arg);
                case "--groups" -> groups = Optional.of(value(args, ++i, arg));
                case "--file" -> file = Optional.of(Path.of(value(args, ++i, arg)));
                case "--neighbour" -> neighbour = value(args, ++i, arg);
                case "--signature" -> signature = signVersion(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || i > 0) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    service = URI.create(arg.endsWith("/") ? arg.substring(0, arg.length() - 1) : arg);
                }
            }
        }
        return new DemoOptions(service, jwt, subject, groups, file, Optional.ofNullable(neighbour), signature);
    }

    /** The neighbour whose prefix must be refused to {@code subject}. */
    String neighbourOf(String subject) {
        return neighbour.orElse(subject.equals("bob") ? "alice" : "bob");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static SignVersion signVersion(String text) {
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "V1" -> SignVersion.V1;
            case "V4" -> SignVersion.V4;
            default -> throw new IllegalArgumentException("--signature is V1 or V4");
        };
    }
}
