package io.stsvend.cloudbox.sts;

import io.stsvend.cloudbox.IssuedSession;
import io.stsvend.cloudbox.SessionTokenCodec;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AssumeRole operation (spec §1.2, §1.4): validates RoleArn, RoleSessionName, DurationSeconds, Policy and
 * ExternalId, authorizes the caller, then mints a temporary credential with the {@link SessionTokenCodec} that
 * expires {@code DurationSeconds} after the injected clock's current second. Fails with a {@link StsRejection}; the
 * success body is the only response that carries an AccessKeySecret. Thread-safe.
 *
 * <p>Authorization as real STS does it: the RAM user (the vending service) may assume every emulated role; a role
 * session only a role its effective policy allows {@code sts:AssumeRole} on ({@link AssumeRolePermission}), and then
 * for at most one hour (role chaining), whatever the target role's MaxSessionDuration. Anyone else, or a role
 * session without the permission, gets {@code NoPermission} before the role is even looked up, so an unauthorized
 * caller cannot probe which roles exist.
 */
final class AssumeRoleAction {

    static final int MAX_POLICY_LENGTH = 2048;
    private static final int MIN_DURATION = 900;
    private static final int DEFAULT_DURATION = 3600;
    private static final int MAX_CHAINED_DURATION = 3600;
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_\\-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/\\-]{2,1224}");
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StsEmulatorSettings settings;
    private final SessionTokenCodec codec;
    private final Clock clock;
    private final AssumeRolePermission permission;

    AssumeRoleAction(StsEmulatorSettings settings, SessionTokenCodec codec, Clock clock,
                     AssumeRolePermission permission) {
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
        this.permission = permission;
    }

    /** AssumeRole called by a verified caller with an AccessKey: the RAM user or a role session. */
    JsonObject assumeRole(RamPrincipal caller, Map<String, String> params, String requestId) {
        return issue(params, requestId, Optional.of(caller));
    }

    /**
     * The minting half of AssumeRoleWithOIDC, whose caller was authenticated by its OIDC token and the role's trust in
     * the provider rather than by an AccessKey: no {@code sts:AssumeRole} permission applies.
     */
    JsonObject assumeRoleTrustedByProvider(Map<String, String> params, String requestId) {
        return issue(params, requestId, Optional.empty());
    }

    private JsonObject issue(Map<String, String> params, String requestId, Optional<RamPrincipal> caller) {
        String roleArn = RequestAuthenticator.required(params, "RoleArn");
        RoleArn arn = RoleArn.parse(roleArn).orElseThrow(StsError.INVALID_ROLE_ARN::reject);
        String sessionName = RequestAuthenticator.required(params, "RoleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw StsError.INVALID_ROLE_SESSION_NAME.reject();
        }
        Optional<String> policy = Optional.ofNullable(params.get("Policy"));
        policy.ifPresent(this::checkPolicy);
        String externalId = params.get("ExternalId");
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw StsError.INVALID_EXTERNAL_ID.reject();
        }
        caller.ifPresent(c -> authorize(c, arn));
        StsEmulatorSettings.Role role = settings.role(arn.roleName())
                .filter(r -> arn.accountId().equals(settings.accountId()))
                .orElseThrow(StsError.ROLE_NOT_FOUND::reject);
        boolean chained = caller.flatMap(RamPrincipal::session).isPresent();
        int max = chained ? Math.min(MAX_CHAINED_DURATION, role.maxSessionDurationSeconds())
                : role.maxSessionDurationSeconds();
        int duration = duration(params.get("DurationSeconds"), max);

        Instant expiration = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(duration);
        IssuedSession issued = codec.mint(settings.roleArn(role), sessionName, policy, expiration);
        return new JsonObject()
                .put("RequestId", requestId)
                .put("AssumedRoleUser", new JsonObject()
                        .put("Arn", settings.roleArn(role) + "/" + sessionName)
                        .put("AssumedRoleId", role.roleId() + ":" + sessionName))
                .put("Credentials", new JsonObject()
                        .put("AccessKeyId", issued.accessKeyId())
                        .put("AccessKeySecret", issued.accessKeySecret())
                        .put("SecurityToken", issued.securityToken())
                        .put("Expiration", EXPIRATION.format(issued.expiration())));
    }

    private void authorize(RamPrincipal caller, RoleArn arn) {
        // The role's own ARN when it exists (RAM role names are case-insensitive), the ARN as asked otherwise; either
        // way the answer for a missing role is the same NoPermission, so nothing is revealed.
        String resource = settings.role(arn.roleName())
                .filter(r -> arn.accountId().equals(settings.accountId()))
                .map(settings::roleArn)
                .orElseGet(arn::canonical);
        boolean allowed = caller.session()
                .map(session -> permission.allows(session, resource))
                .orElseGet(() -> caller.accessKeyId().equals(settings.user().accessKeyId()));
        if (!allowed) {
            throw StsError.NO_PERMISSION.reject();
        }
    }

    private void checkPolicy(String policy) {
        // Characters, not bytes: the documented limit is ambiguous (spec §10.2) and the vending service counts chars.
        if (policy.length() > MAX_POLICY_LENGTH) {
            throw StsError.POLICY_SIZE.reject();
        }
        if (policy.isBlank() || !settings.policyGrammar().accepts(policy)) {
            throw StsError.POLICY_GRAMMAR.reject();
        }
    }

    private static int duration(String text, int max) {
        if (text == null) {
            return DEFAULT_DURATION;
        }
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= MIN_DURATION && seconds <= max) {
                return (int) seconds;
            }
        } catch (NumberFormatException e) {
            // falls through: a non-number is as out of range as a wrong number
        }
        throw StsError.INVALID_DURATION.reject();
    }
}
