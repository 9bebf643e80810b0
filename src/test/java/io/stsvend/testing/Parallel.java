package io.stsvend.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs tasks on their own threads, released at the same moment, and collects their results in order. The one
 * place tests start threads for concurrent callers; each result is awaited for at most a generous minute, so a
 * stuck task fails the test instead of hanging the build.
 */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code task.apply(i)} for i in 0..n-1, all at once. */
    public static <T> List<T> run(int n, IntFunction<Callable<T>> task) throws Exception {
        return run(n, n, task);
    }

    /** Runs {@code task.apply(i)} for i in 0..n-1 on {@code threads} threads, the first {@code threads} at once. */
    public static <T> List<T> run(int n, int threads, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> one = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return one.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(1, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
