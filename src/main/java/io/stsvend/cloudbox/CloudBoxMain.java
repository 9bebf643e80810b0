package io.stsvend.cloudbox;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * "Alibaba STS + OSS in a box" as a process, for a mobile or web team's own integration tests: starts a
 * {@link CloudBox}, prints its endpoints, role and the RAM user's demo AccessKey, then a line starting with
 * {@value #READY} and runs until killed (SIGTERM / Ctrl-C close it cleanly).
 *
 * <p>Flags (all optional): {@code --host}, {@code --sts-port}, {@code --oss-port} (0 = free), {@code --buckets a,b},
 * {@code --account}, {@code --role}, {@code --role-policy <RAM policy JSON>}, {@code --access-key-id},
 * {@code --access-key-secret}. A bad flag prints the usage and exits with status 2; a port that cannot be bound
 * exits with status 1.
 */
public final class CloudBoxMain {

    static final String READY = "cloudbox ready";
    private static final Set<String> FLAGS = Set.of("host", "sts-port", "oss-port", "buckets", "account", "role",
            "role-policy", "access-key-id", "access-key-secret");
    private static final String USAGE = "usage: CloudBoxMain [--host H] [--sts-port P] [--oss-port P]"
            + " [--buckets a,b] [--account DIGITS] [--role NAME] [--role-policy JSON]"
            + " [--access-key-id ID --access-key-secret SECRET]";

    private CloudBoxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CloudBoxBuilder builder;
        try {
            builder = builder(flags(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        CloudBox box;
        try {
            box = builder.start();
        } catch (RuntimeException e) {
            System.err.println("cloudbox could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            box.close();
            stopped.countDown();
        }, "cloudbox-shutdown"));
        describe(box, System.out);
        stopped.await();
    }

    static void describe(CloudBox box, PrintStream out) {
        out.println("STS endpoint:    " + box.stsEndpoint() + " (http)");
        out.println("OSS endpoint:    " + box.ossEndpoint());
        out.println("buckets:         " + String.join(",", box.buckets()));
        out.println("role ARN:        " + box.roleArn());
        out.println("AccessKeyId:     " + box.ramUser().accessKeyId());
        // A demo key of a throwaway emulator, printed on purpose: it is what the caller's tests sign AssumeRole with.
        out.println("AccessKeySecret: " + box.ramUser().accessKeySecret());
        out.println(READY + " sts=" + box.stsEndpoint() + " oss=" + box.ossEndpoint());
        out.flush();
    }

    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!FLAGS.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown flag or missing value: " + args[i]);
            }
            flags.put(name, args[i + 1]);
        }
        return flags;
    }

    static CloudBoxBuilder builder(Map<String, String> flags) {
        CloudBoxBuilder builder = CloudBox.builder().ports(port(flags, "sts-port"), port(flags, "oss-port"));
        Optional.ofNullable(flags.get("host")).ifPresent(builder::host);
        Optional.ofNullable(flags.get("account")).ifPresent(builder::accountId);
        Optional.ofNullable(flags.get("buckets"))
                .ifPresent(b -> builder.buckets(List.copyOf(Arrays.asList(b.split("\\s*,\\s*")))));
        if (flags.containsKey("role") || flags.containsKey("role-policy")) {
            builder.role(flags.getOrDefault("role", "stsvend-app"), Optional.ofNullable(flags.get("role-policy")));
        }
        if (flags.containsKey("access-key-id") != flags.containsKey("access-key-secret")) {
            throw new IllegalArgumentException("--access-key-id and --access-key-secret go together");
        }
        if (flags.containsKey("access-key-id")) {
            builder.ramUser(new AccessKey(flags.get("access-key-id"), flags.get("access-key-secret")));
        }
        return builder;
    }

    private static int port(Map<String, String> flags, String name) {
        try {
            return Integer.parseInt(flags.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number");
        }
    }
}
