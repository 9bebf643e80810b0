package io.stsvend.sts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.faulttolerance.apiimpl.LazyTypedGuard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * In a process that has not called AssumeRole yet, the STS path is already built: SmallRye's guards and the SDK
 * client. Otherwise the first call builds them (CDI beans, the Apache HTTP client, class loading) on an event loop,
 * which stalled it 100-230 ms in a fresh process (issue 16). SmallRye's and Mutiny's call sites on the guarded path
 * are linked too, by two rehearsal calls through a throwaway guard that leaves the real one untouched.
 */
@QuarkusTest
@TestProfile(StsPathBuiltAtStartupTest.Fresh.class)
class StsPathBuiltAtStartupTest {

    /** An application of its own, so no other test has called AssumeRole in it. */
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stsvend.resilience.bulkhead.queue-size", "63");
        }
    }

    @Inject
    AssumeRoleGuard guard;

    @Inject
    MeterRegistry registry;

    @Test
    @SuppressWarnings("unchecked")
    void theSdkClientIsBuiltBeforeTheFirstAssumeRole() {
        InjectableBean<AliyunStsGateway> bean = (InjectableBean<AliyunStsGateway>) Arc.container().beanManager()
                .resolve(Arc.container().beanManager().getBeans(AliyunStsGateway.class));

        assertNotNull(Arc.container().getActiveContext(ApplicationScoped.class).get(bean),
                "the STS gateway (and its SDK client) is created by the first AssumeRole");
    }

    @Test
    void bothGuardsAreBuiltBeforeTheFirstAssumeRole() throws Exception {
        var instance = LazyTypedGuard.class.getDeclaredField("instance");
        instance.setAccessible(true);
        assertFalse(guard.smallRyeGuards().isEmpty());
        for (TypedGuard<?> built : guard.smallRyeGuards()) {
            if (built instanceof LazyTypedGuard<?, ?>) {
                assertNotNull(instance.get(built), "a guard still builds itself on the first AssumeRole");
            }
        }
    }

    @Test
    void theRehearsalRanThroughAThrowawayGuardAndTheRealGuardSawNothing() {
        assertEquals(2.0, invocations(AssumeRoleGuard.REHEARSAL, "valueReturned"),
                "the rehearsal's two calls (own thread, event loop) did not both answer before the first AssumeRole");
        assertEquals(0.0, invocations(AssumeRoleGuard.DESCRIPTION, "valueReturned")
                + invocations(AssumeRoleGuard.DESCRIPTION, "exceptionThrown"),
                "the rehearsal went through the real guard");
        Timer tries = registry.find(GuardMeters.ASSUME_ROLE).timer();
        assertEquals(0, tries == null ? 0 : tries.count(), "the rehearsal was timed as a call to STS");
    }

    private double invocations(String method, String result) {
        Counter counter = registry.find("ft.invocations.total").tag("method", method).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
