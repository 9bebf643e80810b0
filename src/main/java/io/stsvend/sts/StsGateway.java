package io.stsvend.sts;

import io.smallrye.mutiny.Uni;

/**
 * The one door to Alibaba Cloud STS. Implementations never block the caller's thread: the returned {@link Uni} does
 * its blocking I/O on a worker thread.
 *
 * <p>On failure the Uni fails with an {@link io.stsvend.error.CodedException} whose code is one of the {@code STS_*}
 * catalogue entries; the SDK's own exception text never leaves this package.
 */
public interface StsGateway {

    /** Calls {@code AssumeRole} once. The command always carries a session policy. */
    Uni<TemporaryCredentials> assumeRole(AssumeRoleCommand command);
}
