package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.stsvend.issuance.CacheChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every production overlay's replica can hold its full credential cache: the cache size it sets (or the service's
 * default) fits the heap its image gives it (MaxRAMPercentage of the memory limit), by the service's own start-up
 * rule ({@link CacheChecks#heapWarning}). Measured in the bench's RSS scenario, a 256 MB heap with 100,000 cached
 * users was GC-bound.
 */
class CacheFitsHeapTest {

    static final List<String> PRODUCTION = RenderedOverlay.PRODUCTION;

    @ParameterizedTest
    @FieldSource("PRODUCTION")
    void theFullCacheFitsTheHeapTheImageGivesThePod(String dir) throws IOException {
        Container container = RenderedOverlay.of(dir).container();
        long limit = container.getResources().getLimits().get("memory").getNumericalAmount().longValueExact();
        long heap = limit * heapPercent() / 100;
        long cacheSize = container.getEnv().stream().filter(e -> "STSVEND_CACHE_MAXIMUM_SIZE".equals(e.getName()))
                .map(EnvVar::getValue).findFirst().map(Long::parseLong).orElse(defaultCacheSize());

        assertEquals(Optional.empty(), CacheChecks.heapWarning(cacheSize, heap),
                dir + ": " + cacheSize + " users in a heap of " + heap + " bytes");
    }

    static long heapPercent() throws IOException {
        Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(DockerfileTest.javaOpts());
        assertTrue(percent.find(), "Dockerfile.jvm sets MaxRAMPercentage");
        return Long.parseLong(percent.group(1));
    }

    static long defaultCacheSize() throws IOException {
        String size = YamlProperties.parse(Files.readString(ApplicationEndpoints.APPLICATION_YAML))
                .get("stsvend.cache.maximum-size");
        assertNotNull(size, "application.yaml sets stsvend.cache.maximum-size");
        return Long.parseLong(size.trim());
    }
}
