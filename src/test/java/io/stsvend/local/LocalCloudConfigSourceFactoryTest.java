package io.stsvend.local;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Where the emulators listen and where the service calls must agree, whichever source configures the ports.
 * Sources are built here with the ordinals Quarkus gives them: application.yaml 250, system properties 400.
 */
class LocalCloudConfigSourceFactoryTest {

    @Test
    void portZeroFromASystemPropertyIsResolvedOnceForEmulatorAndEndpoints() {
        SmallRyeConfig config = config(Map.of("stsvend.local.enabled", "true"),
                Map.of("stsvend.local.sts.port", "0", "stsvend.local.oss.port", "0"));
        int sts = config.getValue("stsvend.local.sts.port", Integer.class);
        int oss = config.getValue("stsvend.local.oss.port", Integer.class);
        assertNotEquals(0, sts);
        assertNotEquals(0, oss);
        assertEquals("127.0.0.1:" + sts, config.getRawValue("stsvend.sts.endpoint"));
        assertEquals("http://127.0.0.1:" + oss, config.getRawValue("stsvend.oss.endpoint"));
    }

    @Test
    void portZeroFromApplicationYamlIsResolvedTheSameWay() {
        SmallRyeConfig config = config(Map.of("stsvend.local.enabled", "true", "stsvend.local.sts.port", "0"), Map.of());
        int sts = config.getValue("stsvend.local.sts.port", Integer.class);
        assertNotEquals(0, sts);
        assertEquals("127.0.0.1:" + sts, config.getRawValue("stsvend.sts.endpoint"));
    }

    @Test
    void aFixedPortFromASystemPropertyStillWinsOverApplicationYaml() {
        SmallRyeConfig config = config(Map.of("stsvend.local.enabled", "true", "stsvend.local.oss.port", "0"),
                Map.of("stsvend.local.oss.port", "28082"));
        assertEquals(28082, config.getValue("stsvend.local.oss.port", Integer.class));
        assertEquals("http://127.0.0.1:28082", config.getRawValue("stsvend.oss.endpoint"));
        assertEquals(18081, config.getValue("stsvend.local.sts.port", Integer.class));
        assertEquals("127.0.0.1:18081", config.getRawValue("stsvend.sts.endpoint"));
    }

    private static SmallRyeConfig config(Map<String, String> applicationYaml, Map<String, String> systemProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(applicationYaml, "application.yaml", 250))
                .withSources(new PropertiesConfigSource(systemProperties, "system properties", 400))
                .withSources(new LocalCloudConfigSourceFactory())
                .build();
    }
}
