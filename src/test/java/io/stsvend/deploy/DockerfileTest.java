package io.stsvend.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images keep the contract the manifests rely on: the application port, /deployments as the working
 * directory (where config/application.yaml is mounted), and a numeric non-root user, so that the
 * kubelet can verify runAsNonRoot before starting the container.
 */
class DockerfileTest {

    private static final Path DOCKER = Path.of("src", "main", "docker");

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native-micro"})
    void exposesTheApplicationPort(String file) throws IOException {
        assertEquals(List.of(String.valueOf(ApplicationContractTest.APP.httpPort())), instructions(file, "EXPOSE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native-micro"})
    void worksFromDeployments(String file) throws IOException {
        List<String> workdirs = instructions(file, "WORKDIR");
        assertEquals("/deployments", workdirs.get(workdirs.size() - 1), file + ": final WORKDIR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native-micro"})
    void runsAsANumericNonRootUser(String file) throws IOException {
        List<String> users = instructions(file, "USER");
        String last = users.get(users.size() - 1).split(":")[0];
        assertTrue(last.matches("\\d+"), file + ": USER must be numeric for runAsNonRoot, was " + last);
        assertTrue(Integer.parseInt(last) > 0, file + ": USER must not be root");
    }

    private static List<String> instructions(String file, String keyword) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*" + keyword + "\\s+(.+?)\\s*$").matcher(Files.readString(DOCKER.resolve(file)));
        List<String> values = m.results().map(r -> r.group(1)).toList();
        assertTrue(!values.isEmpty(), file + " has no " + keyword);
        return values;
    }
}
