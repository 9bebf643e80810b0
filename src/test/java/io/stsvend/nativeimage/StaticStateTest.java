package io.stsvend.nativeimage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stsvend.sts.NativeImageRegistrations;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Quarkus initialises classes while building the native image, so whatever a static field holds is frozen into the
 * binary: a random generator would be seeded once for every copy (GraalVM refuses it outright), a key would be shared,
 * an instant would be the build's. No class of stsvend may keep such state in a static field; make it per instance.
 */
class StaticStateTest {

    private static final List<Class<?>> FROZEN_AT_BUILD = List.of(Random.class, Key.class, KeyPair.class, Clock.class,
            Instant.class);

    @Test
    void noStaticFieldHoldsRandomnessKeysOrTime() throws Exception {
        Path classes = Path.of(NativeImageRegistrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offending = classNames(classes)
                .flatMap(StaticStateTest::staticFields)
                .filter(field -> FROZEN_AT_BUILD.stream().anyMatch(type -> type.isAssignableFrom(field.getType())))
                .map(field -> field.getDeclaringClass().getName() + "." + field.getName())
                .toList();

        assertEquals(List.of(), offending);
    }

    private static Stream<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> name.startsWith("io.stsvend."))
                    .toList().stream();
        }
    }

    private static Stream<Field> staticFields(String className) {
        try {
            // Loaded without initialising, so this test never runs the static initialisers it inspects.
            Class<?> type = Class.forName(className, false, StaticStateTest.class.getClassLoader());
            return Stream.of(type.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers()));
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException(className, e);
        }
    }
}
