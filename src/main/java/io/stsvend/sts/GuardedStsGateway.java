package io.stsvend.sts;

import io.smallrye.mutiny.Uni;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * Puts every {@link StsGateway#assumeRole} behind {@link AssumeRoleGuard}, whatever the implementation, as a CDI
 * decorator: the SDK adapter stays a plain single call, and the port's contract holds (failures are
 * {@code STS_*} catalogue errors, the returned Uni never blocks).
 */
@Decorator
@Priority(10)
public class GuardedStsGateway implements StsGateway {

    private final StsGateway delegate;
    private final AssumeRoleGuard guard;

    @Inject
    public GuardedStsGateway(@Delegate @Any StsGateway delegate, AssumeRoleGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public Uni<TemporaryCredentials> assumeRole(AssumeRoleCommand command) {
        return guard.guard(() -> delegate.assumeRole(command));
    }
}
