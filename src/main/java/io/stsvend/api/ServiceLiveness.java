package io.stsvend.api;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Liveness entry {@code stsvend}: UP while every Vert.x event loop runs a no-op within {@link #STALL} of being asked
 * (checked every second from a thread of its own, {@link EventLoopWatchdog}); DOWN while one is wedged, since such a
 * process answers some requests and hangs others and only a restart helps. Deliberately independent of STS, the
 * cache and configuration: restarting a replica fixes none of those, and an STS outage must never restart every
 * replica.
 */
@Liveness
@Startup
@ApplicationScoped
public class ServiceLiveness implements HealthCheck {

    static final Duration STALL = Duration.ofSeconds(10);

    private final EventLoopWatchdog watchdog;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stsvend-event-loop-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public ServiceLiveness(Vertx vertx) {
        this.watchdog = new EventLoopWatchdog(vertx.nettyEventLoopGroup(), System::nanoTime, STALL);
        pinger.scheduleWithFixedDelay(watchdog::ping, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public HealthCheckResponse call() {
        int stalled = watchdog.stalledLoops();
        return HealthCheckResponse.named("stsvend").status(stalled == 0)
                .withData("event-loops", watchdog.loops()).withData("stalled-event-loops", stalled).build();
    }

    @PreDestroy
    void stop() {
        pinger.shutdownNow();
    }
}
