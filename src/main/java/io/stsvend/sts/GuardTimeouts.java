package io.stsvend.sts;

import io.smallrye.mutiny.infrastructure.Infrastructure;

import jakarta.inject.Singleton;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Where {@link AssumeRoleGuard} schedules its total timeouts: Mutiny's worker pool. A bean of its own only so that a
 * test can end a timeout on its clock instead of waiting for it.
 */
@Singleton
public class GuardTimeouts {

    /** The scheduler the guard's total timeouts run on. */
    public ScheduledExecutorService scheduler() {
        return Infrastructure.getDefaultWorkerPool();
    }
}
