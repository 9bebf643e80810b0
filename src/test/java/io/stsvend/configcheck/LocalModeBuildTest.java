package io.stsvend.configcheck;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Local mode is refused where it is not built in, and only there. The production artifact's refusal itself is
 * proven by {@code it.ProdArtifactIT}; this test build has local mode, so its embedded cloud bean is resolvable.
 */
@QuarkusTest
class LocalModeBuildTest {

    @Test
    void localModeWithoutTheEmbeddedCloudIsOneProblemNamingTheSetting() {
        List<String> problems = new LocalModeBuild(true, false).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("stsvend.local.enabled is true, but this is a production build"),
                problems.get(0));
    }

    @Test
    void localModeWhereItIsBuiltInIsFine() {
        assertEquals(List.of(), new LocalModeBuild(true, true).problems());
    }

    @Test
    void noLocalModeNeedsNoEmbeddedCloud() {
        assertEquals(List.of(), new LocalModeBuild(false, false).problems());
    }

    @Test
    void theTestBuildHasTheEmbeddedCloud() {
        assertTrue(Arc.container().select(EmbeddedCloud.class).isResolvable());
        assertEquals(List.of(), Arc.container().instance(LocalModeBuild.class).get().problems());
    }
}
