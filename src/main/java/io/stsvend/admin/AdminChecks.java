package io.stsvend.admin;

import io.quarkus.runtime.StartupEvent;
import io.stsvend.configcheck.ConfigurationRule;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@link AdminConfig} at startup, reporting every problem at once: bounds, and that some user audience is
 * accepted besides the admin one. When {@code mp.jwt.verify.audiences} does not accept the admin audience the
 * admin API is unreachable (every admin token is refused with 401); that is logged, not refused, so a deployment
 * can leave it off.
 */
@Singleton
public class AdminChecks implements ConfigurationRule {

    private static final Logger LOG = Logger.getLogger(AdminChecks.class);
    private static final Pattern TEXT = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final AdminConfig config;
    private final List<String> audiences;

    @Inject
    public AdminChecks(AdminConfig config,
                       @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<List<String>> audiences) {
        this.config = config;
        this.audiences = audiences.orElse(List.of());
    }

    @Override
    public List<String> problems() {
        return problems(config, audiences);
    }

    /** After {@link io.stsvend.configcheck.StartupCheck} passed: say so when the admin API cannot be reached. */
    void onStart(@Observes @Priority(3) StartupEvent event) {
        if (!audiences.contains(config.audience())) {
            LOG.infof("Admin API off: mp.jwt.verify.audiences does not accept the admin audience %s",
                    config.audience());
        }
    }

    static List<String> problems(AdminConfig config, List<String> accepted) {
        List<String> problems = new ArrayList<>();
        if (!TEXT.matcher(config.audience()).matches()) {
            problems.add("stsvend.admin.audience: must be 1-128 printable characters without spaces");
        }
        if (!TEXT.matcher(config.roleClaim()).matches()) {
            problems.add("stsvend.admin.role-claim: must be 1-128 printable characters without spaces");
        }
        if (!TEXT.matcher(config.role()).matches()) {
            problems.add("stsvend.admin.role: must be 1-128 printable characters without spaces");
        }
        if (accepted.contains(config.audience()) && accepted.stream().allMatch(config.audience()::equals)) {
            problems.add("mp.jwt.verify.audiences: accepts only the admin audience " + config.audience()
                    + ", so no user token could get credentials; list the user audience too");
        }
        int perAdmin = config.rateLimit().perAdmin();
        if (perAdmin < 1 || perAdmin > 10_000) {
            problems.add("stsvend.admin.rate-limit.per-admin: must be 1 to 10000, is " + perAdmin);
        }
        Duration window = config.rateLimit().window();
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
            problems.add("stsvend.admin.rate-limit.window: must be 1s to 1h, is " + window);
        }
        return problems;
    }
}
