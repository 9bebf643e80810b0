package io.stsvend.bench;

import io.stsvend.testing.RedisServer;
import io.stsvend.testing.ReplicaSet;
import io.stsvend.testing.ServiceProcess;
import io.stsvend.testing.StandaloneSts;
import io.stsvend.testing.TestTokens;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AssumeRole calls per user for one vs three replicas, with and without the shared cache (issue 8), counted by one
 * standalone STS emulator that every replica calls, as the account's real STS would count them.
 *
 * <p>Three replicas of the packaged application start without the shared cache, then three with it on one
 * {@code redis-server}. Each scenario takes fresh users and makes {@code ROUNDS} rounds of requests: in each round
 * every user (in shuffled order, 32 at a time) asks once, routed like a Kubernetes Service does
 * (round-robin over all requests) or like an ingress hashing the {@code Authorization} header (one replica per
 * token). All rounds fall in one token lifetime, so calls ÷ users is the cost of a user per refresh period.
 *
 * <p>Usage: {@code ReplicaCalls BUILD_DIR USERS STS_DELAY_MS ROUNDS}. Prints one line per scenario:
 * {@code RESULT scenario=.. replicas=.. shared=.. routing=.. users=.. requests=.. errors=.. calls=..}.
 */
public final class ReplicaCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Quota guards raised (as for the single-replica runs): a burst of 32 first requests at a time would otherwise
     * turn into 503s and then 429s, and the table would count the guards, not the calls a user costs.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m",
            "-Dstsvend.resilience.rate-limit.account-quota=100000", "-Dstsvend.resilience.rate-limit.limit=10000",
            "-Dstsvend.miss-limit.per-subject=1000");

    /** How requests reach replicas: like a Kubernetes Service, or like an ingress hashing the Authorization header. */
    private enum Routing {
        ROUND_ROBIN, AUTHORIZATION_HASH;

        int pick(String token, long sequence, int replicas) {
            return this == ROUND_ROBIN ? (int) (sequence % replicas)
                    : Math.floorMod(("Bearer " + token).hashCode(), replicas);
        }
    }

    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final StandaloneSts sts;
    private final int users;
    private final int rounds;

    private ReplicaCalls(StandaloneSts sts, int users, int rounds) {
        this.sts = sts;
        this.users = users;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        Path buildDir = Path.of(args[0]);
        int users = Integer.parseInt(args[1]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[2]));
        int rounds = Integer.parseInt(args[3]);
        RedisServer redis = new RedisServer();
        redis.start();
        try (StandaloneSts sts = new StandaloneSts(delay)) {
            ReplicaCalls bench = new ReplicaCalls(sts, users, rounds);
            try (ReplicaSet plain = ReplicaSet.launch(buildDir, "bench-replica", 3, sts, Optional.empty(),
                    JVM_OPTIONS)) {
                bench.measure("one-replica", plain.replicas().subList(0, 1), false, Routing.ROUND_ROBIN);
                bench.measure("three-replicas", plain.replicas(), false, Routing.ROUND_ROBIN);
                bench.measure("three-replicas-affinity", plain.replicas(), false, Routing.AUTHORIZATION_HASH);
            }
            try (ReplicaSet shared = ReplicaSet.launch(buildDir, "bench-shared", 3, sts, Optional.of(redis),
                    JVM_OPTIONS)) {
                bench.measure("one-replica-shared", shared.replicas().subList(0, 1), true, Routing.ROUND_ROBIN);
                bench.measure("three-replicas-shared", shared.replicas(), true, Routing.ROUND_ROBIN);
            }
        } finally {
            redis.kill();
        }
    }

    private void measure(String scenario, List<ServiceProcess> replicas, boolean shared, Routing routing)
            throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            tokens.add(TestTokens.forSubject("replicas-" + runId + "-" + scenario + "-" + u));
        }
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long before = sts.assumeRoleCalls();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Random shuffle = new Random(42);
        try {
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(tokens);
                Collections.shuffle(order, shuffle);
                List<Future<?>> sent = new ArrayList<>();
                for (String token : order) {
                    sent.add(pool.submit(() -> {
                        ServiceProcess replica = replicas.get(routing.pick(token, sequence.getAndIncrement(),
                                replicas.size()));
                        if (!ok(replica, token)) {
                            errors.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("RESULT scenario=%s replicas=%d shared=%s routing=%s users=%d requests=%d errors=%d calls=%d%n",
                scenario, replicas.size(), shared, routing.name().toLowerCase().replace('_', '-'), users,
                sequence.get(), errors.get(), sts.assumeRoleCalls() - before);
    }

    private static boolean ok(ServiceProcess replica, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(replica.uri("/credentials"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
