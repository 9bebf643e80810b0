package io.stsvend.bench;

import io.stsvend.testing.ReplicaSet;
import io.stsvend.testing.ServiceProcess;
import io.stsvend.testing.StandaloneSts;
import io.stsvend.testing.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The RSS scenario's service (issue 16): the production jar alone in its JVM, with N cached users, under the JVM
 * options it is given (run.sh passes the image's, as they act in a pod of the manifests). STS is a standalone
 * emulator in this tool's JVM, not the local flavour's embedded one: the embedded emulator keeps every token it
 * issued and every request nonce, so with 100,000 users it held as much heap as the service's own cache, and that
 * is not the service's footprint.
 *
 * <p>{@code ServiceFootprint BUILD_DIR USERS TOKENS_FILE [JVM options...]}: writes the N users' tokens to
 * TOKENS_FILE, starts the service, asks once per user (32 at a time, a user that failed is asked again), prints
 * {@code READY port=P pid=PID filled=N}, and keeps everything running until its standard input closes (run.sh runs
 * the load and samples the RSS meanwhile). The service runs on this tool's own JDK.
 */
public final class ServiceFootprint {

    private static final int PASSES = 5;

    private ServiceFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path buildDir = Path.of(args[0]);
        int users = Integer.parseInt(args[1]);
        Path tokensFile = Path.of(args[2]);
        List<String> jvmOptions = new ArrayList<>(Arrays.asList(args).subList(3, args.length));
        // As in every bench run: the emulator has no quota, and the guards would measure themselves.
        jvmOptions.addAll(List.of("-Dstsvend.resilience.rate-limit.account-quota=100000",
                "-Dstsvend.resilience.rate-limit.limit=10000", "-Dstsvend.miss-limit.per-subject=1000"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = IntStream.range(0, users).parallel()
                .mapToObj(u -> TestTokens.forSubject("footprint-" + run + "-" + u)).toList();
        Files.write(tokensFile, tokens);
        try (StandaloneSts sts = new StandaloneSts(Duration.ZERO);
             ReplicaSet service = ReplicaSet.launch(buildDir, "bench-footprint", 1, sts, Optional.empty(),
                     jvmOptions, Map.of("stsvend.cache.maximum-size", Integer.toString(users)))) {
            ServiceProcess process = service.get(0);
            int filled = fill(process, tokens);
            System.out.printf("READY port=%d pid=%d filled=%d assumeRoleCalls=%d%n", process.port(), process.pid(),
                    filled, sts.assumeRoleCalls());
            System.out.flush();
            while (System.in.read() >= 0) {
                // run.sh closes our input when it has measured
            }
        }
    }

    /** Asks once for every token's credentials, then again for those that failed; the number answered 200. */
    private static int fill(ServiceProcess service, List<String> tokens) throws Exception {
        List<String> pending = tokens;
        int filled = 0;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            for (int pass = 0; pass < PASSES && !pending.isEmpty(); pass++) {
                List<Future<String>> failed = new ArrayList<>();
                for (String token : pending) {
                    failed.add(pool.submit(() -> service.status("/credentials", token) == 200 ? null : token));
                }
                List<String> again = new ArrayList<>();
                for (Future<String> f : failed) {
                    String token = f.get();
                    if (token == null) {
                        filled++;
                    } else {
                        again.add(token);
                    }
                }
                pending = again;
            }
        } finally {
            pool.shutdownNow();
        }
        return filled;
    }
}
