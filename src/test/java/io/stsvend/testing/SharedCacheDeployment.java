package io.stsvend.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deployment with the shared cache, as the Redis overlay runs it: a {@code redis-server}, one
 * {@link StandaloneSts} outside every process, and a {@link ReplicaSet} of the packaged application sharing both.
 * Started together; {@link #close()} stops the replicas, then the STS, then Redis.
 */
public record SharedCacheDeployment(RedisServer redis, StandaloneSts sts, ReplicaSet replicas)
        implements AutoCloseable {

    /**
     * Starts all three; if one fails to start, stops what already runs.
     *
     * @param stsDelay how long each STS answer takes, as a remote STS would
     * @param extra    system properties on top of the replica set's own
     */
    public static SharedCacheDeployment start(String name, int count, Duration stsDelay, Map<String, String> extra) {
        RedisServer redis = new RedisServer();
        StandaloneSts sts = null;
        try {
            redis.start();
            sts = new StandaloneSts(stsDelay);
            return new SharedCacheDeployment(redis, sts, ReplicaSet.launch(ServiceProcess.packagedBuildDir(), name,
                    count, sts, Optional.of(redis), List.of(), extra));
        } catch (RuntimeException e) {
            new SharedCacheDeployment(redis, sts, null).close();
            throw e;
        }
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
