package io.stsvend.demo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo CLI against the running service in local mode, as docs/try-it.md tells people to run it. */
@QuarkusTest
class DemoClientTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void demoTokenUploadListAndNeighbourDenied() {
        Run run = run(service.toString(), "--sub", "dora", "--signature", "V1");
        assertEquals(0, run.status(), run.output());
        assertThat(run.output(), containsString("demo token for sub=dora"));
        assertThat(run.output(), containsString("Upload:      PUT app-bucket/users/dora/hello.txt"));
        assertThat(run.output(), containsString("users/dora/hello.txt"));
        assertThat(run.output(), containsString("LIST app-bucket/users/bob/* -> AccessDenied: Access denied by authorizer's policy."));
        assertThat(run.output(), containsString("OK: the credentials work on users/dora/ and are refused on users/bob/."));
    }

    @Test
    void givenJwtAndFileAreUsedAndSecretsAreNeverPrinted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("report.csv"), "a,b\n1,2\n");
        String jwt = TestTokens.forSubject("bob");
        Run run = run(service.toString(), "--jwt", jwt, "--file", file.toString());
        assertEquals(0, run.status(), run.output());
        assertThat(run.output(), containsString("given, sub=bob"));
        assertThat(run.output(), containsString("users/bob/report.csv"));
        assertThat(run.output(), containsString("GET  app-bucket/users/alice/report.csv -> AccessDenied"));
        assertThat(run.output(), not(containsString(jwt)));
        assertThat(run.output(), not(containsString("accessKeySecret")));
    }

    @Test
    void badArgumentsPrintUsage() {
        Run run = run("--signature", "V2");
        assertEquals(2, run.status());
        assertThat(run.output(), containsString("usage: DemoClient"));
    }

    @Test
    void neighbourPrefixReplacesOnlyTheSubjectSegment() {
        assertEquals("users/bob/", DemoClient.neighbourPrefix("users/alice/", "alice", "bob"));
        assertEquals("bob/", DemoClient.neighbourPrefix("alice/", "alice", "bob"));
        assertEquals("t/alice/bob/", DemoClient.neighbourPrefix("t/alice/alice/", "alice", "bob"));
        assertEquals("users/bob/", DemoClient.neighbourPrefix("home/", "alice", "bob"));
    }

    record Run(int status, String output) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new DemoClient(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
