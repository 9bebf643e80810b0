package io.stsvend.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate (open-loop) HTTP load generator that accounts for coordinated omission: request i is due at
 * {@code start + i / rate}, and its latency is measured from that due time, not from when it could actually be sent,
 * so a stalled server shows up as the queueing delay it would cause real clients. Rotates bearer tokens from a file.
 *
 * <p>Usage: {@code FixedRateLoad URL TOKENS_FILE RATE SECONDS CONNECTIONS [WARMUP_SECONDS]}. Prints one line
 * {@code RESULT rate=.. sent=.. ok=.. errors=.. p50_us=.. p90_us=.. p99_us=.. p999_us=.. max_us=..}; exits 1 if no
 * request succeeded.
 */
public final class FixedRateLoad {

    private FixedRateLoad() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        URI url = URI.create(args[0]);
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(t -> !t.isBlank()).toList();
        double rate = Double.parseDouble(args[2]);
        long seconds = Long.parseLong(args[3]);
        int connections = Integer.parseInt(args[4]);
        long warmupSeconds = args.length > 5 ? Long.parseLong(args[5]) : 2;

        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(connections)
                .setKeepAlive(true).setMaxWaitQueueSize(-1));
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        long total = (end - start) / intervalNanos;
        CountDownLatch done = new CountDownLatch((int) total);
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                    .setPort(url.getPort()).setURI(url.getRawPath())
                    .putHeader("Authorization", "Bearer " + tokens.get((int) (i % tokens.size())));
            client.request(request)
                    .compose(req -> req.send().compose(resp -> resp.body().map(body -> resp.statusCode())))
                    .onComplete(result -> {
                        if (measured) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                            if (result.succeeded() && result.result() == 200) {
                                ok.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                        done.countDown();
                    });
        }
        boolean finished = done.await(60, TimeUnit.SECONDS);
        Histogram histogram = recorder.getIntervalHistogram();
        // The one line bench/run.sh parses; stdout on purpose (a command-line tool, not the service).
        System.out.printf("RESULT rate=%.0f sent=%d ok=%d errors=%d unfinished=%s p50_us=%d p90_us=%d p99_us=%d"
                        + " p999_us=%d max_us=%d%n", rate, histogram.getTotalCount(), ok.get(), errors.get(), !finished,
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
        vertx.close().toCompletionStage().toCompletableFuture().join();
        System.exit(ok.get() > 0 ? 0 : 1);
    }
}
