package io.stsvend.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deployment with the shared cache, as the Redis overlay runs it: a {@code redis-server}, one
 * {@link StandaloneSts} outside every process, and a {@link ReplicaSet} of the packaged application sharing both.
 * Started together; {@link #close()} stops the replicas, then the STS, then Redis, whatever was started.
 */
public final class SharedCacheDeployment implements AutoCloseable {

    private final RedisServer redis = new RedisServer();
    private StandaloneSts sts;
    private ReplicaSet replicas;

    private SharedCacheDeployment() {
    }

    /**
     * @param stsDelay how long each STS answer takes, as a remote STS would
     * @param extra    system properties on top of the replica set's own
     */
    public static SharedCacheDeployment start(String name, int count, Duration stsDelay, Map<String, String> extra) {
        SharedCacheDeployment deployment = new SharedCacheDeployment();
        try {
            deployment.redis.start();
            deployment.sts = new StandaloneSts(stsDelay);
            deployment.replicas = ReplicaSet.launch(ServiceProcess.packagedBuildDir(), name, count, deployment.sts,
                    Optional.of(deployment.redis), List.of(), extra);
            return deployment;
        } catch (RuntimeException e) {
            deployment.close();
            throw e;
        }
    }

    public RedisServer redis() {
        return redis;
    }

    public StandaloneSts sts() {
        return sts;
    }

    public ReplicaSet replicas() {
        return replicas;
    }

    @Override
    public void close() {
        if (replicas != null) {
            replicas.close();
        }
        if (sts != null) {
            sts.close();
        }
        redis.kill();
    }
}
