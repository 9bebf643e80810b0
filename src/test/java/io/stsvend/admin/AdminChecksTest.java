package io.stsvend.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminChecksTest {

    record Limit(int perAdmin, Duration window) implements AdminConfig.RateLimit {
    }

    record Config(String audience, String roleClaim, String role, AdminConfig.RateLimit rateLimit)
            implements AdminConfig {
    }

    static final AdminConfig GOOD = new Config("stsvend-admin", "groups", "stsvend-admin",
            new Limit(60, Duration.ofMinutes(1)));

    @Test
    void theDefaultsPass() {
        assertEquals(List.of(), AdminChecks.problems(GOOD, List.of("stsvend", "stsvend-admin")));
        assertEquals(List.of(), AdminChecks.problems(GOOD, List.of("stsvend")), "admin API off is allowed");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AdminConfig bad = new Config("has space", "", "stsvend-admin", new Limit(0, Duration.ofHours(2)));
        List<String> problems = AdminChecks.problems(bad, List.of("stsvend"));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("stsvend.admin.audience"));
        assertTrue(problems.get(1).startsWith("stsvend.admin.role-claim"));
        assertTrue(problems.get(2).startsWith("stsvend.admin.rate-limit.per-admin"));
        assertTrue(problems.get(3).startsWith("stsvend.admin.rate-limit.window"));
    }

    @Test
    void acceptingOnlyTheAdminAudienceWouldLockEveryUserOut() {
        List<String> problems = AdminChecks.problems(GOOD, List.of("stsvend-admin"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("mp.jwt.verify.audiences"), problems.get(0));
    }
}
