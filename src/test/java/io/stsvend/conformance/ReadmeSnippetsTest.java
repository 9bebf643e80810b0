package io.stsvend.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Use it from your app" snippets in README.md and docs/try-it.md are the code the conformance suite runs:
 * {@code src/test/js/oss/app-client.mjs} (run by {@link AliOssConformanceTest}) and the marked part of
 * {@link OssSdkV2Snippet} (run by {@link OssSdkV2ConformanceTest}), quoted verbatim.
 */
class ReadmeSnippetsTest {

    private static final Path ALI_OSS = Path.of("src/test/js/oss/app-client.mjs");
    private static final Path SDK_V2 = Path.of("src/test/java/io/stsvend/conformance/OssSdkV2Snippet.java");

    @Test
    void readmeQuotesBothSnippetsAsTheSuiteRunsThem() throws IOException {
        String readme = read(Path.of("README.md"));
        assertQuoted(readme, "README.md", read(ALI_OSS), ALI_OSS);
        assertQuoted(readme, "README.md", javaSnippet(), SDK_V2);
    }

    @Test
    void tryItQuotesTheAliOssSnippet() throws IOException {
        assertQuoted(read(Path.of("docs/try-it.md")), "docs/try-it.md", read(ALI_OSS), ALI_OSS);
    }

    /** The lines between the begin and end markers of {@link OssSdkV2Snippet}. */
    private static String javaSnippet() throws IOException {
        String source = read(SDK_V2);
        String begin = "// README snippet (OSS SDK for Java V2) begins\n";
        int start = source.indexOf(begin);
        int end = source.indexOf("// README snippet (OSS SDK for Java V2) ends");
        assertTrue(start >= 0 && end > start, "markers missing in " + SDK_V2);
        return source.substring(start + begin.length(), end);
    }

    private static void assertQuoted(String document, String name, String snippet, Path source) {
        assertTrue(document.contains(snippet.strip()), name + " no longer quotes " + source
                + " verbatim: copy the file's current text into it");
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
