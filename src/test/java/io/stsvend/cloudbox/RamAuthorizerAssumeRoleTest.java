package io.stsvend.cloudbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stsvend.grant.policy.PolicyDocument;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The {@code sts:AssumeRole} permission of a role session, as the local cloud wires it into the STS emulator: the
 * role's policy intersected with the session policy (spec §3.5), so vended credentials never hold it.
 */
class RamAuthorizerAssumeRoleTest {

    private static final String ROLE = "acs:ram::1234567890123456:role/app-uploader";
    private static final String OTHER_ROLE = "acs:ram::1234567890123456:role/admin";
    private static final String MAY_CHAIN = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + OTHER_ROLE + "\"},{\"Effect\":\"Allow\","
            + "\"Action\":\"oss:*\",\"Resource\":\"*\"}]}";

    @Test
    void theDefaultRolePolicyGrantsNoAssumeRole() {
        RamAuthorizer ram = authorizer(RolePolicies.ossAllOn(List.of("app-bucket")));

        assertFalse(ram.allows(session(Optional.empty()), ROLE));
        assertFalse(ram.allows(session(Optional.empty()), OTHER_ROLE));
    }

    @Test
    void aRolePolicyWithAssumeRoleAllowsExactlyItsResource() {
        RamAuthorizer ram = authorizer(MAY_CHAIN);

        assertTrue(ram.allows(session(Optional.empty()), OTHER_ROLE));
        assertFalse(ram.allows(session(Optional.empty()), ROLE));
    }

    @Test
    void aSessionPolicyWithoutAssumeRoleTakesItAway() {
        RamAuthorizer ram = authorizer(MAY_CHAIN);
        String ossOnly = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\","
                + "\"Resource\":\"*\"}]}";

        assertFalse(ram.allows(session(Optional.of(ossOnly)), OTHER_ROLE));
    }

    private static RamAuthorizer authorizer(String rolePolicy) {
        return new RamAuthorizer(Map.of(ROLE, PolicyDocument.parse(rolePolicy)));
    }

    private static SessionClaims session(Optional<String> policy) {
        return new SessionClaims("STS.test", ROLE, "u123", policy, Instant.EPOCH.plusSeconds(3600));
    }
}
