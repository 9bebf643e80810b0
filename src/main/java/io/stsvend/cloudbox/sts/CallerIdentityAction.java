package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.SessionClaims;
import io.vertx.core.json.JsonObject;

/**
 * The GetCallerIdentity operation (spec §1.8): describes the verified caller — the RAM user
 * ({@code IdentityType=RAMUser}) or an assumed-role session ({@code IdentityType=AssumedRoleUser}). Thread-safe.
 */
final class CallerIdentityAction {

    private final StsEmulatorSettings settings;

    CallerIdentityAction(StsEmulatorSettings settings) {
        this.settings = settings;
    }

    JsonObject describe(RamPrincipal caller, String requestId) {
        JsonObject body = new JsonObject().put("RequestId", requestId).put("AccountId", settings.accountId());
        if (caller.session().isEmpty()) {
            StsEmulatorSettings.RamUser user = settings.user();
            return body.put("UserId", user.userId())
                    .put("PrincipalId", user.userId())
                    .put("IdentityType", "RAMUser")
                    .put("Arn", "acs:ram::" + settings.accountId() + ":user/" + user.name());
        }
        SessionClaims claims = caller.session().get();
        String roleName = RoleArn.parse(claims.roleArn()).map(RoleArn::roleName).orElse("");
        String roleId = settings.role(roleName).map(StsEmulatorSettings.Role::roleId).orElse("");
        return body.put("RoleId", roleId)
                .put("PrincipalId", roleId + ":" + claims.roleSessionName())
                .put("IdentityType", "AssumedRoleUser")
                .put("Arn", "acs:ram::" + settings.accountId() + ":assumed-role/" + roleName + "/"
                        + claims.roleSessionName());
    }
}
