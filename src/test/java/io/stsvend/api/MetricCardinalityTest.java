package io.stsvend.api;

import io.quarkus.test.junit.QuarkusTest;
import io.stsvend.testing.TestTokens;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers cannot grow the HTTP metrics: requests to any number of unknown paths share one {@code uri} tag value, so
 * the tag cap is never reached and a real endpoint called afterwards still gets its own series.
 */
@QuarkusTest
class MetricCardinalityTest {

    private static final Pattern URI = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    @Test
    void unknownPathsCollapseAndRealEndpointsKeepTheirSeries() {
        String[] prefixes = {"/unknown-", "/uploads/unknown-", "/q/unknown-", "/credentials/unknown-", "/oss/unknown-",
                "/local/unknown-", "/upload.html/unknown-"};
        for (int i = 0; i < 120; i++) {
            String path = prefixes[i % prefixes.length] + UUID.randomUUID();
            given().when().get(path);
            given().when().post(path);
            given().auth().oauth2(TestTokens.forSubject("cardinality")).when().get(path);
            given().when().head(path);
            given().when().options(path);
            given().when().get("/credentials?x=" + i + "&" + UUID.randomUUID());
        }
        String token = TestTokens.forSubject("cardinality");
        given().auth().oauth2(token).when().get("/credentials").then().statusCode(200);

        Set<String> uris = uris();
        assertTrue(uris.contains("/credentials"), "the real endpoint has its series: " + uris);
        assertTrue(uris.stream().noneMatch(u -> u.contains("unknown-")), "no unknown path is a tag value: " + uris);
        assertTrue(uris.size() < 30, "uri tag values stay few: " + uris);
    }

    private static Set<String> uris() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = URI.matcher(metrics);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
