package io.stsvend.cloudbox;

import io.stsvend.grant.policy.AccessRequest;
import io.stsvend.grant.policy.PolicyDocument;
import io.stsvend.grant.policy.PolicyEvaluator;
import io.stsvend.cloudbox.oss.OssAuthorizer;
import io.stsvend.cloudbox.sts.AssumeRolePermission;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorizes requests made with emulated STS credentials as RAM does (spec §3.5): the emulated role's own
 * policy intersected with the session policy the token carries, explicit Deny winning — for OSS requests, and for
 * the {@code sts:AssumeRole} a role session needs to call AssumeRole itself (role chaining). Session policies are parsed
 * once per distinct text and kept in a small bounded map, since every request of a session carries the same one.
 */
final class RamAuthorizer implements OssAuthorizer, AssumeRolePermission {

    private static final int MAX_PARSED_POLICIES = 10_000;

    private final Map<String, PolicyDocument> rolePolicies;
    private final Map<String, PolicyDocument> parsedSessionPolicies = new ConcurrentHashMap<>();

    /** @param rolePolicies the identity policy of each emulated role, by role ARN */
    RamAuthorizer(Map<String, PolicyDocument> rolePolicies) {
        this.rolePolicies = Map.copyOf(rolePolicies);
    }

    @Override
    public boolean allowed(SessionClaims session, String action, String resourceArn, Map<String, List<String>> context) {
        PolicyDocument rolePolicy = rolePolicies.get(session.roleArn());
        if (rolePolicy == null) {
            return false;
        }
        Optional<PolicyDocument> sessionPolicy = session.policy().map(this::parsed);
        return PolicyEvaluator.evaluate(new AccessRequest(action, resourceArn, context), sessionPolicy,
                List.of(rolePolicy), List.of()).allowed();
    }

    @Override
    public boolean allows(SessionClaims session, String roleArn) {
        return allowed(session, "sts:AssumeRole", roleArn, Map.of());
    }

    private PolicyDocument parsed(String policy) {
        if (parsedSessionPolicies.size() >= MAX_PARSED_POLICIES) {
            parsedSessionPolicies.clear();
        }
        return parsedSessionPolicies.computeIfAbsent(policy, PolicyDocument::parse);
    }
}
