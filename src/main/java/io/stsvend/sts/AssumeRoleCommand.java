package io.stsvend.sts;

import java.time.Duration;
import java.util.Objects;

/**
 * One AssumeRole call: role, session name, session policy (mandatory: AssumeRole without a Policy hands out the
 * whole role) and requested lifetime.
 */
public record AssumeRoleCommand(String roleArn, RoleSessionName roleSessionName, String policy, Duration duration) {

    public AssumeRoleCommand {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("AssumeRole is never called without a session policy");
        }
        Objects.requireNonNull(duration, "duration");
    }
}
