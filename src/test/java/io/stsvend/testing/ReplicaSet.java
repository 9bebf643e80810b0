package io.stsvend.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment's worth of the packaged application: {@code count} processes ({@link ServiceProcess}) configured
 * alike, as the pods of one Deployment are: prod profile, local mode off, the given STS (its RAM user key in the
 * environment, as a Kubernetes Secret would put it), JWT verification with the test key pair of
 * {@link TestTokens}, and, when a Redis server is given, the shared cache on it with {@link SharedRedis#KEY}.
 * Launched in parallel; {@link #close()} stops them all.
 */
public final class ReplicaSet implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);

    private final List<ServiceProcess> replicas;
    private final Path buildDir;
    private final String name;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private int restarts;

    private ReplicaSet(List<ServiceProcess> replicas, Path buildDir, String name, Map<String, String> properties,
                       Map<String, String> environment, List<String> jvmOptions) {
        this.replicas = new ArrayList<>(replicas);
        this.buildDir = buildDir;
        this.name = name;
        this.properties = properties;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    public static ReplicaSet launch(Path buildDir, String name, int count, StandaloneSts sts,
                                    Optional<RedisServer> redis, List<String> jvmOptions) {
        return launch(buildDir, name, count, sts, redis, jvmOptions, Map.of());
    }

    /** As above, with {@code extra} system properties on top of (and replacing) the set's own. */
    public static ReplicaSet launch(Path buildDir, String name, int count, StandaloneSts sts,
                                    Optional<RedisServer> redis, List<String> jvmOptions, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(sts.serviceProperties());
        properties.putAll(TestTokens.packagedVerification());
        Map<String, String> environment = new HashMap<>(sts.serviceEnvironment());
        redis.ifPresent(server -> {
            properties.put("stsvend.shared-cache.enabled", "true");
            properties.put("quarkus.redis.hosts", server.uri());
            // A loaded machine must not turn slow answers into per-replica fallbacks (extra STS calls).
            properties.put("stsvend.shared-cache.operation-timeout", "2s");
            environment.put("STSVEND_SHARED_CACHE_KEYS", SharedRedis.KEY);
        });
        properties.putAll(extra);
        List<ServiceProcess> replicas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replicas.add(ServiceProcess.launch(buildDir, name + "-" + i, properties, environment, jvmOptions));
        }
        ReplicaSet set = new ReplicaSet(replicas, buildDir, name, Map.copyOf(properties), Map.copyOf(environment),
                List.copyOf(jvmOptions));
        try {
            replicas.forEach(replica -> replica.awaitReady(READY));
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
        return set;
    }

    /**
     * Stops replica {@code index} as Kubernetes would (SIGTERM) and starts a new process in its place, configured
     * alike, on a new port; waits until it is ready. Nothing of the old process's memory survives.
     */
    public synchronized ServiceProcess restart(int index) {
        replicas.get(index).close();
        restarts++;
        ServiceProcess fresh = ServiceProcess.launch(buildDir, name + "-" + index + "-restart-" + restarts,
                properties, environment, jvmOptions);
        replicas.set(index, fresh);
        return fresh.awaitReady(READY);
    }

    public List<ServiceProcess> replicas() {
        return List.copyOf(replicas);
    }

    public ServiceProcess get(int index) {
        return replicas.get(index);
    }

    public int size() {
        return replicas.size();
    }

    @Override
    public void close() {
        replicas.forEach(ServiceProcess::close);
    }

    /** A test resource as a file: URL, for an application that runs outside the test class path. */
    public static String fileUrl(String resource) {
        try {
            URL url = ReplicaSet.class.getClassLoader().getResource(resource);
            return Path.of(url.toURI()).toUri().toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + resource + " is not a file", e);
        }
    }
}
