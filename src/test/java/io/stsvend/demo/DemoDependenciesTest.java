package io.stsvend.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo is an example client people may copy: it may use only the JDK, Jackson and the OSS SDK, never the
 * service's own packages or Quarkus.
 */
class DemoDependenciesTest {

    static final List<String> ALLOWED = List.of("java.", "javax.", "com.aliyun.oss.", "com.fasterxml.jackson.",
            "io.stsvend.demo.");

    @Test
    void demoImportsOnlyTheJdkJacksonAndTheOssSdk() throws IOException {
        Path sources = Path.of("src/main/java/io/stsvend/demo");
        List<String> offending;
        try (Stream<Path> files = Files.list(sources)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(DemoDependenciesTest::imports)
                    .filter(i -> ALLOWED.stream().noneMatch(i::startsWith))
                    .toList();
        }
        assertEquals(List.of(), offending);
        try (Stream<Path> files = Files.list(sources)) {
            assertTrue(files.count() >= 5, "the demo sources were found");
        }
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(l -> l.startsWith("import "))
                    .map(l -> l.substring("import ".length()).replace("static ", "").replace(";", "").trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
