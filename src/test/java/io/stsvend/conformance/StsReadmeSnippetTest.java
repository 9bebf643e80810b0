package io.stsvend.conformance;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.NodeScript;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "A Tea SDK (Node)" snippet is src/test/js/sts/tea-sdk-snippet.mjs verbatim, and that file, run as
 * written, works against a running stsvend in local mode.
 */
@QuarkusTest
class StsReadmeSnippetTest {

    private static final String SNIPPET = "sts/tea-sdk-snippet.mjs";

    @Test
    void theReadmeShowsTheSnippetVerbatim() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String snippet = Files.readString(NodeScript.dir().resolve(SNIPPET), StandardCharsets.UTF_8);

        assertTrue(readme.contains("### A Tea SDK (Node)"), "README lacks the Tea SDK subsection");
        assertTrue(readme.contains("```js\n" + snippet + "```\n"),
                "README's Tea SDK snippet differs from src/test/js/" + SNIPPET + "; copy the file into it");
    }

    @Test
    void theSnippetRunsAsWritten() {
        String output = NodeScript.run("sts/readme-snippet.test.mjs",
                StsScriptEnv.forSubject("dave"), Duration.ofMinutes(2));
        assertTrue(output.contains("ℹ pass 1\n"), "expected the snippet test to pass:\n" + output);
    }
}
