package io.stsvend.local;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.stsvend.cloudbox.RolePolicies;
import io.stsvend.configcheck.ConfigurationRule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Local mode's rule: with {@code stsvend.local.enabled}, every {@code stsvend.local.*} value the cloud box would
 * refuse is reported with the other groups' problems at the one startup check, instead of failing the start alone
 * from inside the emulator. Nothing is checked when local mode is off.
 */
@UnlessBuildProfile("prod")
@ApplicationScoped
public class LocalConfigCheck implements ConfigurationRule {

    static final Duration MIN_SESSION = Duration.ofSeconds(3600);
    static final Duration MAX_SESSION = Duration.ofSeconds(43200);
    static final Duration MAX_RESPONSE_DELAY = Duration.ofSeconds(60);
    static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024;

    // OSS bucket naming: 3-63 characters, lower-case letters, digits and hyphens, no hyphen at either end.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    // RAM role names: 1-64 letters, digits, '.' and '-'.
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,32}");

    private final LocalConfig config;

    @Inject
    public LocalConfigCheck(LocalConfig config) {
        this.config = config;
    }

    @Override
    public List<String> problems() {
        if (!config.enabled()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        port("stsvend.local.sts.port", config.sts().port(), problems);
        port("stsvend.local.oss.port", config.oss().port(), problems);
        if (config.sts().port() != 0 && config.sts().port() == config.oss().port()) {
            problems.add("stsvend.local.sts.port and stsvend.local.oss.port must differ (or be 0)");
        }
        if (!ACCOUNT_ID.matcher(config.accountId()).matches()) {
            problems.add("stsvend.local.account-id must be the account's digits");
        }
        if (!ROLE_NAME.matcher(config.roleName()).matches()) {
            problems.add("stsvend.local.role-name must be 1-64 letters, digits, '.' or '-'");
        }
        config.rolePolicy().filter(policy -> !RolePolicies.grammarAccepts(policy)).ifPresent(policy -> problems
                .add("stsvend.local.role-policy is not a RAM policy the emulated STS accepts (spec §3.1)"));
        Duration session = config.sts().maxSessionDuration();
        if (session.compareTo(MIN_SESSION) < 0 || session.compareTo(MAX_SESSION) > 0) {
            problems.add("stsvend.local.sts.max-session-duration must be 3600s to 43200s, like RAM's MaxSessionDuration");
        }
        Duration delay = config.sts().responseDelay();
        if (delay.isNegative() || delay.compareTo(MAX_RESPONSE_DELAY) > 0) {
            problems.add("stsvend.local.sts.response-delay must be 0s to 60s");
        }
        if (config.oss().buckets().isEmpty()) {
            problems.add("stsvend.local.oss.buckets must name at least one bucket");
        }
        config.oss().buckets().stream().filter(b -> !BUCKET.matcher(b).matches()).findFirst().ifPresent(b -> problems
                .add("stsvend.local.oss.buckets must be OSS bucket names (3-63 lower-case letters, digits, hyphens)"));
        long size = config.oss().maxObjectSize();
        if (size < 1 || size > MAX_OBJECT_SIZE) {
            problems.add("stsvend.local.oss.max-object-size must be 1 byte to 5 GiB");
        }
        return problems;
    }

    private static void port(String key, int port, List<String> problems) {
        if (port < 0 || port > 65535) {
            problems.add(key + " must be 0 (a free port) to 65535");
        }
    }
}
