package io.stsvend.configcheck;

import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.admin.AdminChecks;
import io.stsvend.explain.ExplainConfigCheck;
import io.stsvend.identity.JwksConfigCheck;
import io.stsvend.issuance.ConfigurationCheck;
import io.stsvend.local.LocalConfigCheck;
import io.stsvend.upload.CallbackConfigCheck;
import io.stsvend.upload.UploadConfigCheck;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The running application hands the one startup check every group's rule, and the check passed. */
@QuarkusTest
class StartupCheckBeansTest {

    @Inject
    @All
    List<ConfigurationRule> rules;

    @Inject
    StartupCheck check;

    @Test
    void everyGroupsRuleIsABeanTheCheckAsks() {
        Set<String> names = rules.stream().map(rule -> rule.getClass().getSimpleName().replace("_ClientProxy", ""))
                .map(name -> name.replaceAll("_Subclass$", "")).collect(Collectors.toSet());
        for (Class<?> type : List.of(ConfigurationCheck.class, JwksConfigCheck.class, UploadConfigCheck.class,
                CallbackConfigCheck.class, ExplainConfigCheck.class, AdminChecks.class, LocalConfigCheck.class)) {
            assertTrue(names.contains(type.getSimpleName()), type.getSimpleName() + " missing from " + names);
        }
        assertTrue(check.passed());
    }
}
