package io.stsvend.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.Unremovable;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.stsvend.cloudbox.CloudBox;
import io.stsvend.local.LocalCloud;
import io.stsvend.local.LocalCloudClock;
import io.stsvend.sts.AssumeRoleGuard;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.util.function.Consumer;

/**
 * The one fixture every {@code @QuarkusTest} shares with the embedded cloud (registered as a Quarkus test callback in
 * {@code META-INF/services}, so it applies without an annotation).
 *
 * <p><b>Injection.</b> While local mode runs, a test writes {@code @Inject CloudBox box} for the running cloud box
 * (call counts, fault injection, session tokens) and {@code @Inject LocalCloudClock cloudClock} for the box's clock.
 * Injecting either with local mode off fails the test at injection with local mode's own message.
 *
 * <p><b>Reset after every test method</b>, whether it passed or failed, after the test's own {@code @AfterEach}:
 * <ul>
 *   <li>the service's clock ({@link MutableClock}) goes back to system time;</li>
 *   <li>the box's clock ({@link LocalCloudClock}) goes back to system time;</li>
 *   <li>the box's STS faults are cleared and its response delay is the configured one ({@link CloudBox#reset()});</li>
 *   <li>the AssumeRole circuit breaker is closed with an empty window ({@link AssumeRoleGuard#resetCircuitBreaker()}).</li>
 * </ul>
 * A test therefore never cleans these up itself, and may leave them in any state. Call counters are <em>not</em> reset:
 * the box offers no way to, and counting tests take a delta around what they do. Nor are caches or other
 * application state: tests keep apart by using their own subjects. Beans a test profile does not have (local mode
 * off) are skipped.
 */
public final class CloudBoxTestSupport implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return;
        }
        with(container, LocalCloud.class, cloud -> {
            if (cloud.running()) {
                cloud.box().reset();
                cloud.clock().reset();
            }
        });
        with(container, MutableClock.class, MutableClock::reset);
        // Last: a reset fault or clock must not leave a breaker opened by the test's final call behind.
        with(container, AssumeRoleGuard.class, AssumeRoleGuard::resetCircuitBreaker);
    }

    private static <T> void with(ArcContainer container, Class<T> type, Consumer<T> action) {
        try (InstanceHandle<T> handle = container.instance(type)) {
            if (handle.isAvailable()) {
                action.accept(handle.get());
            }
        }
    }

    /** Makes the running cloud box and its clock injectable into tests (and findable by {@code Arc} lookups). */
    @Singleton
    static final class Injection {

        @Produces
        @Dependent
        @Unremovable
        @Typed(CloudBox.class)
        CloudBox box(LocalCloud cloud) {
            return cloud.box();
        }

        @Produces
        @Dependent
        @Unremovable
        @Typed(LocalCloudClock.class)
        LocalCloudClock cloudClock(LocalCloud cloud) {
            return cloud.clock();
        }
    }
}
