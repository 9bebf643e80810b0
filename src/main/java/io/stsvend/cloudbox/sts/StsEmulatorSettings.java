package io.stsvend.cloudbox.sts;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the emulated STS knows about its one Alibaba Cloud account: the account id, the RAM user whose long-term
 * AccessKey may call it, the RAM roles that may be assumed, and the grammar check for session policies.
 *
 * @param accountId     the account's numeric id (digits only); appears in every ARN
 * @param user          the RAM user allowed to call the emulator with its long-term AccessKey
 * @param roles         the assumable roles; names are unique, compared case-insensitively like RAM does
 * @param policyGrammar the grammar check applied to AssumeRole's {@code Policy}
 */
public record StsEmulatorSettings(String accountId, RamUser user, List<Role> roles, PolicyGrammar policyGrammar) {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");

    public StsEmulatorSettings {
        if (accountId == null || !DIGITS.matcher(accountId).matches()) {
            throw new IllegalArgumentException("accountId must be digits");
        }
        if (user == null || policyGrammar == null) {
            throw new IllegalArgumentException("user and policyGrammar are required");
        }
        roles = List.copyOf(roles);
        Set<String> names = new HashSet<>();
        for (Role role : roles) {
            if (!names.add(role.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate role name " + role.name());
            }
        }
    }

    /** The role's ARN in this account: {@code acs:ram::<accountId>:role/<name>}. */
    public String roleArn(Role role) {
        return "acs:ram::" + accountId + ":role/" + role.name();
    }

    /** The role with this name (case-insensitive), if configured. */
    public Optional<Role> role(String name) {
        return roles.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * A RAM user and its long-term AccessKey. {@link #toString()} never shows the secret.
     *
     * @param name            the user name, used in its ARN ({@code acs:ram::<account>:user/<name>})
     * @param userId          the user's numeric-looking id, reported by GetCallerIdentity
     * @param accessKeyId     long-term AccessKeyId; must not start with {@code STS.} (that prefix marks temporary keys)
     * @param accessKeySecret the matching secret
     */
    public record RamUser(String name, String userId, String accessKeyId, String accessKeySecret) {

        public RamUser {
            if (name == null || userId == null || accessKeyId == null || accessKeySecret == null
                    || accessKeyId.isEmpty() || accessKeySecret.isEmpty()) {
                throw new IllegalArgumentException("RAM user fields are required");
            }
            if (accessKeyId.startsWith("STS.")) {
                throw new IllegalArgumentException("a long-term AccessKeyId must not start with STS.");
            }
        }

        @Override
        public String toString() {
            return "RamUser[name=" + name + ", userId=" + userId + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    /**
     * An assumable RAM role.
     *
     * @param name                      role name: 1–64 letters, digits, {@code .} or {@code -}
     * @param roleId                    the role's id; AssumedRoleId is {@code <roleId>:<RoleSessionName>}
     * @param maxSessionDurationSeconds upper bound of DurationSeconds, 3600–43200 like RAM's MaxSessionDuration
     */
    public record Role(String name, String roleId, int maxSessionDurationSeconds) {

        public Role {
            if (name == null || !ROLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("role name must be 1-64 letters, digits, '.' or '-'");
            }
            if (roleId == null || roleId.isEmpty()) {
                throw new IllegalArgumentException("roleId is required");
            }
            if (maxSessionDurationSeconds < 3600 || maxSessionDurationSeconds > 43200) {
                throw new IllegalArgumentException("maxSessionDurationSeconds must be 3600-43200");
            }
        }
    }
}
